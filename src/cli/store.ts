import { ensureBundled } from "../ingest/load-bundled.ts";
import { Store } from "../store/store.ts";
import { progressBar } from "./progress.ts";

/**
 * Opens the database the CLI was pointed at (`--db` / `BSLAB_DB` / default), loads the bundled
 * data on first use, runs `work` and closes the file so other processes can use it.
 */
export async function withCliStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open();
  try {
    const bar = progressBar("loading bundled data");
    await ensureBundled(store, bar);
    bar.done();
    return await work(store);
  } finally {
    store.close();
  }
}
