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

/** Absolute path of a bundled dataset file; throws NotFoundError when it is absent. */
export function datasetPath(dataset: string, file: string): string {
  const path = join(dataDir(), dataset, file);
  if (!existsSync(path)) throw new NotFoundError(sourceMessages.missingFile(path));
  return path;
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

/** Process-wide memo of a parsed dataset. */
export function memoize<T>(key: string, load: () => T): T {
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
