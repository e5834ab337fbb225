import { existsSync } from "node:fs";

import { BslabError } from "../errors.ts";
import { bundledDataDir, defaultDbPath } from "../store/paths.ts";
import { SCHEMA_VERSION } from "../store/schema.ts";
import { Store } from "../store/store.ts";
import { bundledCheckKey, bundledUpToDate, rememberBundled } from "./bundled-check.ts";
import { progressBar } from "./progress.ts";

/** Options of {@link withCliStore}. */
export interface CliStoreOptions {
  /** The work writes (an import): open the file read-write. Default: read-only when possible. */
  write?: boolean;
}

/** Loads the bundled data when the store lacks it or holds an older copy. */
async function loadBundled(store: Store): Promise<void> {
  const key = bundledCheckKey(bundledDataDir());
  if (key !== undefined && (await bundledUpToDate(store, key))) return;
  const { ensureBundled } = await import("../ingest/load-bundled.ts");
  const bar = progressBar("loading bundled data");
  await ensureBundled(store, bar);
  bar.done();
  if (key !== undefined && !store.readOnly) await rememberBundled(store, key);
}

/** True when a read-only store is current: its schema, and the bundled data (nothing to load). */
async function currentReadOnly(store: Store): Promise<boolean> {
  if ((await store.schemaVersion()) !== SCHEMA_VERSION) return false;
  try {
    await loadBundled(store);
    return true;
  } catch (error) {
    // The loader found something to write: the caller reopens the file read-write.
    if (error instanceof BslabError && error.code !== "store") throw error;
    return false;
  }
}

/**
 * Opens the database the CLI was pointed at (`--db` / `BSLAB_DB` / default), runs `work` and closes
 * the file so other processes can use it. Commands that only read open it read-only, so any number
 * of them run side by side; the file is opened read-write only to write (`write`), or to create
 * it, migrate it or load the bundled data on first use. An open waits (up to 10 s) for a writer
 * that holds the lock. When neither the build nor the data folder changed since the store last
 * loaded the bundled data, the loader (and every reader it imports) is not even loaded: that is
 * most of a warm command's start-up.
 */
export async function withCliStore<T>(
  work: (store: Store) => Promise<T>,
  options: CliStoreOptions = {},
): Promise<T> {
  const path = defaultDbPath();
  if (!options.write && path !== ":memory:" && existsSync(path)) {
    const store = await Store.open({ path, readOnly: true });
    let current = false;
    try {
      current = await currentReadOnly(store);
      if (current) return await work(store);
    } finally {
      store.close();
    }
  }
  const store = await Store.open({ path });
  try {
    await loadBundled(store);
    return await work(store);
  } finally {
    store.close();
  }
}
