import { existsSync } from "node:fs";

import { BslabError } from "../errors.ts";
import { bundledDataDir, defaultDbPath } from "../store/paths.ts";
import { SCHEMA_VERSION } from "../store/schema.ts";
import { Store } from "../store/store.ts";
import { bundledCheckKey, bundledUpToDate, rememberBundled, warmStore } from "./bundled-check.ts";
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
 * The warm path's test, costing one small query: the schema is current and the store recorded
 * the bundled-data check under the current key (same build, same data files, every dataset still
 * held). Anything else, a new build included, goes through the read-write path once, which runs
 * the loader's full check and records the key, so the next run is warm again (a read-only full
 * check would pass too, but would never record the key: every later run would pay it again).
 */
async function warm(store: Store): Promise<boolean> {
  const key = bundledCheckKey(bundledDataDir());
  // From the TypeScript sources there is no key: the loader's full check, read-only, every run.
  if (key === undefined) return currentReadOnly(store);
  return warmStore(store, SCHEMA_VERSION, key);
}

/** Opens `path` read-only, runs `work` when `ready` says the store needs nothing written. */
async function readOnly<T>(
  path: string,
  ready: (store: Store) => Promise<boolean>,
  work: (store: Store) => Promise<T>,
): Promise<{ done: true; value: T } | { done: false }> {
  const store = await Store.open({ path, readOnly: true });
  try {
    return (await ready(store)) ? { done: true, value: await work(store) } : { done: false };
  } finally {
    store.close();
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
  const existing = !options.write && path !== ":memory:" && existsSync(path);
  if (existing) {
    const run = await readOnly(path, warm, work);
    if (run.done) return run.value;
  }
  let store: Store;
  try {
    store = await Store.open({ path });
  } catch (error) {
    // No write access now (another process has the file open for longer than the lock wait, or
    // the file is read-only): a store that needs nothing written still answers, through the
    // loader's full check, read-only; the key is recorded by a later run that may write.
    if (!existing) throw error;
    const run = await readOnly(path, currentReadOnly, work);
    if (run.done) return run.value;
    throw error;
  }
  try {
    await loadBundled(store);
    return await work(store);
  } finally {
    store.close();
  }
}
