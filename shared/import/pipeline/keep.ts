/**
 * A copy of a text cut from a file that does not keep the rest of the file alive. V8 makes a
 * substring of 13 or more characters a view into the string it was cut from; the import keeps
 * payment purposes, names and identifiers for the whole case, and each would pin the megabytes of
 * decoded text around it (a million-row statement's 660 MB of text stayed whole to the end,
 * however it was decoded and split). Shorter substrings are copies already.
 */
export function keep(text: string): string {
  // The concatenation is flattened into a new string before it is sliced: the slice views that.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
