// Test helpers for the store: the raw IndexedDB contents, read without any app code, as someone
// holding a copy of the profile folder would read them.

/** Every record of every object store of database `name`. */
export async function rawRecords(name: string): Promise<{ store: string; value: unknown }[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const out: { store: string; value: unknown }[] = [];
  for (const store of Array.from(db.objectStoreNames)) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const value of values) out.push({ store, value });
  }
  db.close();
  return out;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Every string a reader could get out of a value: strings, keys, and bytes read as text. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    out.push(latin1.decode(bytes), utf8.decode(bytes));
  } else if (value instanceof ArrayBuffer) out.push(latin1.decode(value), utf8.decode(value));
  else if (Array.isArray(value)) for (const item of value) texts(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      texts(item, out);
    }
  }
  return out;
}

/** The `needles` found anywhere in the raw store, with the object store each was found in. */
export async function plaintextFound(name: string, needles: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const { store, value } of await rawRecords(name)) {
    const haystack = texts(value).join('\u0000');
    for (const needle of needles) if (haystack.includes(needle)) found.add(`${store}: ${needle}`);
  }
  return [...found].sort();
}

/** A snapshot of the whole raw store, to prove an operation changed nothing. */
export async function rawSnapshot(name: string): Promise<string> {
  const records = await rawRecords(name);
  return JSON.stringify(records, (_key, value: unknown) =>
    ArrayBuffer.isView(value)
      ? Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
      : value,
  );
}
