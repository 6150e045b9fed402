/**
 * Each distinct string once, in the order first met, and where it is: the dictionary of a list
 * stored as columns (a row keeps the index, the table keeps the text).
 */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /** The string's index, adding it the first time. */
  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.strings.push(text) - 1));
    return i;
  }
}
