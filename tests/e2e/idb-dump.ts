// e2e helper: everything a page stored in IndexedDB, to check what was (and was not) kept, e.g. an API key.
import type { Page } from 'playwright-core';

/** Every record of every IndexedDB database of the page, as one JSON string. Binary values (the ~31 MB Pyodide
 *  snapshot) are summarised by their length, plus `needle` when their bytes contain it. */
export function dumpIndexedDb(page: Page, needle: string): Promise<string> {
  return page.evaluate(async (needle) => {
    const out: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const name of db.objectStoreNames) {
        out[`${info.name}/${name}`] = await new Promise((resolve, reject) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      }
      db.close();
    }
    const latin1 = new TextDecoder('latin1');
    return JSON.stringify(out, (_, v: unknown) =>
      ArrayBuffer.isView(v) ? `binary(${v.byteLength} bytes${latin1.decode(v).includes(needle) ? `, contains ${needle}` : ''})` : v,
    );
  }, needle);
}
