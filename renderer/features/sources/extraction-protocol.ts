/** Messages between the import worker and its extraction worker. */
export interface ExtractRequest {
  id: number;
  texts: string[];
}

export type ExtractAnswer =
  { id: number; counts: Int32Array; strings: string[] } | { id: number; error: string };
