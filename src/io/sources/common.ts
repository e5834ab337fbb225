import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { DataError, NotFoundError } from "../../errors.ts";
import { parseNumberCell } from "../csv/parse-csv.ts";
import { sourceMessages } from "./messages.ts";

/** Root of the bundled data (`<repo>/data`), overridable with `BSLAB_DATA_DIR`. */
export function dataDir(): string {
  if (process.env.BSLAB_DATA_DIR) return process.env.BSLAB_DATA_DIR;
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../data");
}

/**
 * A bundled dataset that is not installed (its folder or file was removed, e.g. a restricted one
 * such as JST or Nikkei). Features that need it report "not computable" with {@link notInstalled}.
 */
export class MissingDatasetError extends NotFoundError {
  readonly dataset: string;
  readonly path: string;
  constructor(dataset: string, path: string) {
    super(sourceMessages.missingFile(dataset, path));
    this.dataset = dataset;
    this.path = path;
  }
}

/** `dataset <id> not installed (data/<folder>/)`: the reason a feature needing it is not computable. */
export const notInstalled = (dataset: string): string => sourceMessages.notInstalled(dataset);

/** Absolute path of a bundled dataset file; throws MissingDatasetError when it is absent. */
export function datasetPath(dataset: string, file: string): string {
  const path = join(dataDir(), dataset, file);
  if (!existsSync(path)) throw new MissingDatasetError(dataset, path);
  return path;
}

/** Whether a bundled dataset file is present in the data folder. */
export function datasetInstalled(dataset: string, file: string): boolean {
  return existsSync(join(dataDir(), dataset, file));
}

/**
 * Runs a loader of a bundled dataset; returns `undefined` instead of throwing when the dataset is
 * not installed and reports its id to `onMissing`. Other errors (a corrupt file) still throw.
 */
export function ifInstalled<T>(load: () => T, onMissing: (dataset: string) => void): T | undefined {
  try {
    return load();
  } catch (error) {
    if (error instanceof MissingDatasetError) {
      onMissing(error.dataset);
      return undefined;
    }
    throw error;
  }
}

/** Reads a numeric cell; missing markers give null, junk throws a DataError naming file, row, column. */
export function numberAt(cell: string | undefined, file: string, row: number, column: string): number | null {
  const v = parseNumberCell(cell);
  if (v === undefined)
    throw new DataError(sourceMessages.badNumber({ file, row, column }, cell ?? ""), {
      place: { file, row, column },
    });
  return v;
}

/** Finds required columns in a header (case-insensitive, trimmed); throws listing every missing one. */
export function requireColumns(file: string, header: readonly string[], names: readonly string[]): number[] {
  const norm = header.map((h) => h.trim().toLowerCase());
  const idx = names.map((n) => norm.indexOf(n.toLowerCase()));
  const missing = names.filter((_, i) => idx[i]! < 0);
  if (missing.length > 0)
    throw new DataError(sourceMessages.missingColumns(file, missing, header), { place: { file, row: 1 } });
  return idx;
}

// Parsed datasets are cached per process; the slow xlsx files are also cached as JSON on disk,
// keyed by path, size and mtime, so a second CLI run does not pay SheetJS's ~1 s parse.
const memo = new Map<string, unknown>();

/** Process-wide memo of a parsed dataset, per data folder (so `BSLAB_DATA_DIR` can change in tests). */
export function memoize<T>(name: string, load: () => T): T {
  const key = `${dataDir()}\u0000${name}`;
  if (memo.has(key)) return memo.get(key) as T;
  const value = load();
  memo.set(key, value);
  return value;
}

/** JSON disk cache for derived data of a source file (silently skipped when not writable). */
export function diskCached<T>(path: string, tag: string, load: () => T): T {
  if (process.env.BSLAB_NO_DISK_CACHE) return load();
  let file: string | undefined;
  try {
    const st = statSync(path);
    const key = createHash("sha1")
      .update(`${tag}|${path}|${st.size}|${st.mtimeMs}`)
      .digest("hex")
      .slice(0, 16);
    const dir = process.env.BSLAB_CACHE_DIR ?? join(tmpdir(), "bslab-cache");
    file = join(dir, `${tag}-${key}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as T;
    mkdirSync(dir, { recursive: true });
  } catch {
    file = undefined;
  }
  const value = load();
  if (file !== undefined)
    try {
      writeFileSync(file, JSON.stringify(value));
    } catch {
      // A read-only temp dir only costs speed.
    }
  return value;
}
