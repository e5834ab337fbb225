/**
 * bslab's ingest layer (`bslab/ingest`): the one way records reach a store. Readers in `bslab/io`
 * turn files into sheets and series; this layer validates them and writes them, each write in one
 * transaction, so a bad file changes nothing already stored.
 *
 * - {@link importFiles} / {@link importFile} / {@link importBytes} / {@link importText}: a user's
 *   files, layout recognised from the header or workbook (see `MAPPINGS` in `bslab/io`). Re-importing
 *   the same bytes reuses their vintage (idempotent); a revised file becomes a newer vintage.
 * - {@link ensureBundled}: the datasets shipped in data/ ({@link BUNDLED}), loaded on first use.
 *
 * @example
 * import { importFile } from "bslab/ingest";
 * const result = await importFile(store, "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls");
 */
export {
  importBytes,
  importFile,
  importFiles,
  importText,
  MAX_IMPORT_BYTES,
  type ImportOptions,
  type ImportResult,
} from "./import.ts";
export { ensureBundled } from "./load-bundled.ts";
export { BUNDLED } from "./bundled/registry.ts";
export type { BundledDataset } from "./bundled/dataset.ts";
export type { Progress } from "./progress.ts";
export {
  downloadFetch,
  fetchInto,
  storeFetch,
  type Downloaded,
  type FetchOptions,
  type FetchResult,
} from "./fetch.ts";
