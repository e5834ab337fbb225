import { bundledDataDir } from "../store/paths.ts";
import { Store } from "../store/store.ts";
import { bundledCheckKey, bundledUpToDate, rememberBundled } from "./bundled-check.ts";
import { progressBar } from "./progress.ts";

/**
 * Opens the database the CLI was pointed at (`--db` / `BSLAB_DB` / default), loads the bundled
 * data on first use, runs `work` and closes the file so other processes can use it. When neither
 * the build nor the data folder changed since the store last loaded the bundled data, the loader
 * (and every reader it imports) is not even loaded: that is most of a warm command's start-up.
 */
export async function withCliStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open();
  try {
    const key = bundledCheckKey(bundledDataDir());
    if (key === undefined || !(await bundledUpToDate(store, key))) {
      const { ensureBundled } = await import("../ingest/load-bundled.ts");
      const bar = progressBar("loading bundled data");
      await ensureBundled(store, bar);
      bar.done();
      if (key !== undefined && !store.readOnly) await rememberBundled(store, key);
    }
    return await work(store);
  } finally {
    store.close();
  }
}
