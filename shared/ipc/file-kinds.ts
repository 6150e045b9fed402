/**
 * What the investigator can pick or save, by purpose. Both hosts build their file dialogs from this
 * table, so the Electron dialog and the browser's file input offer the same formats.
 */
export const pickPurposes = {
  statement: {
    extensions: ['xlsx', 'xls', 'csv', 'txt', 'sta', '940', 'mt940', 'xml', 'json'],
    maxBytes: 512 * 1024 * 1024,
  },
  'case-file': { extensions: ['mtcase'], maxBytes: 4 * 1024 * 1024 * 1024 - 1 },
  packet: { extensions: ['zip'], maxBytes: 2 * 1024 * 1024 * 1024 - 1 },
  'bank-table': { extensions: ['json'], maxBytes: 16 * 1024 * 1024 },
} as const;

export type PickPurpose = keyof typeof pickPurposes;

export const saveKinds = {
  'case-file': ['mtcase'],
  packet: ['zip'],
  report: ['pdf', 'docx', 'xlsx'],
  image: ['png', 'svg'],
  data: ['json', 'csv'],
} as const;

export type SaveKind = keyof typeof saveKinds;

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}
