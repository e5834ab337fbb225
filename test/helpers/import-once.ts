import { readFileSync } from "node:fs";

import { afterAll, beforeAll } from "vitest";

import { importBytes, type ImportResult } from "../../src/ingest/import.ts";
import { loadSeries } from "../../src/store/series.ts";
import { Store } from "../../src/store/store.ts";
import { tempDbPath } from "./temp-store.ts";

/** The vintage the bundled files are imported under. */
export const IMPORT_TODAY = "2026-05-01";

/** Imports `file` as bytes, through the same path as `bslab import`. */
export const importAsBytes = (store: Store, file: string): Promise<ImportResult> =>
  importBytes(store, readFileSync(file), file, { today: IMPORT_TODAY });

/**
 * Imports every one of `files` once, in order, into one fresh store before the test file's tests
 * (`importOne` says how; bytes by default) and closes the store after them. `store` is set once the
 * imports have run; `results` holds each import's result under its key.
 */
export function importOnce<K extends string>(
  files: Record<K, string>,
  importOne: (store: Store, file: string, key: K) => Promise<ImportResult> = importAsBytes,
) {
  const imported = {
    store: undefined as unknown as Store,
    results: new Map<string, ImportResult>(),
    /** The value of series `id` at `date`, or undefined. */
    obs: async (id: string, date: string) =>
      (await loadSeries(imported.store, id))?.observations.find((o) => o.date === date)?.value,
  };
  let cleanup: () => void;
  beforeAll(async () => {
    const db = tempDbPath();
    const store = (imported.store = await Store.open({ path: db.path }));
    cleanup = () => (store.close(), db.cleanup());
    for (const [key, file] of Object.entries(files) as [K, string][])
      imported.results.set(key, await importOne(store, file, key));
  });
  afterAll(() => cleanup());
  return imported;
}
