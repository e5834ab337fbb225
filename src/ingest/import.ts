import { createHash } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

import { BslabError, DataError, NotFoundError } from "../errors.ts";
import { CsvRecordStream } from "../io/csv/csv-stream.ts";
import type { ImportContext, Mapping, ParsedImport } from "../io/mappings/index.ts";
import { headerOf, MAPPINGS, withBytes } from "../io/mappings/index.ts";
import { ioMessages } from "../io/messages.ts";
import { decodeText, type TextEncoding, TextStreamDecoder } from "../io/text/decode.ts";
import { isWorkbookBytes, readWorkbook } from "../io/xlsx/read-workbook.ts";
import type { EntityKind } from "../model/entity.ts";
import type { Unit } from "../model/units.ts";
import { listEntities } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import type { Progress } from "./progress.ts";
import { bulkLongPositions } from "./bulk-long.ts";
import { streamPositions } from "./stream-file.ts";
import { type PreparedImport, writeImports } from "./write.ts";

/** Files larger than this are refused before reading: bslab imports tables, not dumps. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ImportOptions {
  /** Layout name (see MAPPINGS); default: recognised from the header or the workbook. */
  mapping?: string;
  /**
   * Vintage to store the values under. Default: the vintage of an earlier import of the same bytes
   * (so re-importing changes nothing), else today's date (`2026-05-01`, then `2026-05-01.2`, ... when
   * a different file of the same name was imported the same day).
   */
  vintage?: string;
  /** Unit for a file that states none (the PBoC 2000-2001 workbooks): `{ currency: "CNY", scale: 8 }`. */
  unit?: Unit;
  /**
   * What the entities of the file are (`central-bank`, ...): recorded with each entity the file's
   * sheets belong to, new or already known, so indicators of that kind apply to it.
   */
  entityKind?: EntityKind;
  /** Called as files are parsed and written: (done, total, label). */
  onProgress?: Progress;
  /** Today's date, for tests (default: the clock). */
  today?: string;
}

export interface ImportResult {
  file: string;
  mapping: string;
  dataset: string;
  vintage: string;
  /** True when the same bytes had been imported before: the store now holds exactly what it held. */
  unchanged: boolean;
  sheets: number;
  positions: number;
  series: number;
  observations: number;
  /** Where the unit came from, when the layout reads it from a unit line. */
  unitSource?: string;
  /** The text encoding the file was read in (text files): `utf-8`, or `gb18030` (GBK) when not UTF-8. */
  encoding?: TextEncoding;
}

/** What an import needs to know of the store before it reads a file: entities and earlier imports. */
export interface ImportBasis {
  /** Home currency of every entity the store knows. */
  entities: ReadonlyMap<string, string>;
  /** Earlier imports, oldest first. */
  imports: ReadonlyArray<{ dataset: string; vintage: string; sha256: string }>;
}

/** Reads the {@link ImportBasis} of a store (two small queries). */
export async function readImportBasis(store: Store): Promise<ImportBasis> {
  const entities = new Map((await listEntities(store)).map((e) => [e.id, e.homeCurrency] as const));
  const imports = await store.all<{ dataset: string; vintage: string; sha256: string }>(
    "select dataset, vintage, sha256 from imports order by imported_at",
  );
  return { entities, imports };
}

/** Text files above this size are read in pieces (streamed) when their layout can be. */
export const STREAM_MIN_BYTES = 4 * 1024 * 1024;

function knownNames(): string[] {
  return MAPPINGS.map((x) => x.name);
}

function pickTextMapping(
  name: string | undefined,
  header: readonly string[],
  text: string,
  file: string,
): Mapping {
  if (name) {
    const m = MAPPINGS.find((x) => x.name === name);
    if (!m) throw new NotFoundError(ioMessages.unknownMapping(name, knownNames()));
    if (m.input === "workbook")
      throw new DataError(`${file}: mapping ${name} reads .xls/.xlsx workbooks, but the file is text`);
    return m;
  }
  const m = MAPPINGS.find((x) => (x.input ?? "text") === "text" && x.detect(header, text));
  if (!m)
    throw new DataError(ioMessages.unknownLayout(file, header, knownNames()), { place: { file, row: 1 } });
  return m;
}

// Unexpected failures inside a reader (a library error on a damaged file) still name the file.
function named<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof BslabError) throw error;
    const why = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    throw new DataError(ioMessages.parseFailedIn(file, `cannot read: ${why}`), {
      cause: error,
      place: { file },
    });
  }
}

/**
 * A CSV record with fewer cells than the header is a cut-off file (or a broken row): refuse it for
 * every layout, naming the row, before a reader could take the missing cells as empty.
 */
function assertNoShortRow(text: string, file: string): void {
  // Record by record, without an array of every row: the reader builds its own next.
  let width = 0;
  let short: { row: number; cells: number } | undefined;
  const stream = new CsvRecordStream(file, (cells, row) => {
    if (row === 1) width = cells.length;
    else if (!short && cells.length < width && !(cells.length === 1 && cells[0]!.trim() === ""))
      short = { row, cells: cells.length };
  });
  named(file, () => stream.end(text));
  if (short)
    throw new DataError(ioMessages.truncatedRow({ file, row: short.row }, short.cells, width), {
      place: { file, row: short.row },
    });
}

function resolveVintage(
  basis: ImportBasis,
  dataset: string,
  sha256: string,
  options: ImportOptions,
): { vintage: string; unchanged: boolean } {
  const rows = basis.imports.filter((r) => r.dataset === dataset);
  if (options.vintage) {
    const same = rows.find((r) => r.vintage === options.vintage);
    return { vintage: options.vintage, unchanged: same?.sha256 === sha256 };
  }
  const same = rows.find((r) => r.sha256 === sha256);
  if (same) return { vintage: same.vintage, unchanged: true };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const taken = new Set(rows.map((r) => r.vintage));
  let vintage = today;
  for (let k = 2; taken.has(vintage); k++) vintage = `${today}.${k}`;
  return { vintage, unchanged: false };
}

function prepare(
  basis: ImportBasis,
  file: string,
  input: { bytes: Uint8Array } | { text: string },
  options: ImportOptions,
): PreparedImport {
  const dataset = `import:${basename(file)}`;
  const hashInput = "bytes" in input ? input.bytes : input.text;
  const sha256 = createHash("sha256").update(hashInput).digest("hex");
  const { vintage, unchanged } = resolveVintage(basis, dataset, sha256, options);
  const ctx = context(basis, file, dataset, vintage, options);
  let encoding: TextEncoding | undefined;
  let mapping: Mapping;
  let parsed: ParsedImport;
  if ("bytes" in input && isWorkbookBytes(input.bytes)) {
    const wb = withBytes(readWorkbook(input.bytes, file), input.bytes);
    if (options.mapping) {
      const m = MAPPINGS.find((x) => x.name === options.mapping);
      if (!m) throw new NotFoundError(ioMessages.unknownMapping(options.mapping, knownNames()));
      if (!m.readWorkbook)
        throw new DataError(ioMessages.mappingNeedsText(m.name, file), { place: { file } });
      mapping = m;
    } else {
      const m = named(file, () => MAPPINGS.find((x) => x.input === "workbook" && x.detectWorkbook?.(wb)));
      if (!m)
        throw new DataError(ioMessages.unknownWorkbook(file, wb.sheetNames[0]!, "", knownNames()), {
          place: { file },
        });
      mapping = m;
    }
    parsed = named(file, () => mapping.readWorkbook!(wb, ctx));
  } else {
    if ("bytes" in input && input.bytes.length === 0)
      throw new DataError(ioMessages.emptyFile(file), { place: { file } });
    let text: string;
    if ("text" in input) text = input.text;
    else ({ text, encoding } = decodeText(input.bytes, file));
    if (text.trim() === "") {
      const bytes = "bytes" in input ? input.bytes.length : Buffer.byteLength(text);
      throw new DataError(bytes === 0 ? ioMessages.emptyFile(file) : ioMessages.blankFile(file, bytes), {
        place: { file },
      });
    }
    mapping = pickTextMapping(options.mapping, headerOf(text, file), text, file);
    if (mapping.name !== "bslab-json" && mapping.name !== "fed-ddp") assertNoShortRow(text, file);
    parsed = named(file, () => mapping.read(text, ctx));
  }
  if (parsed.sheets.length === 0 && parsed.series.length === 0)
    throw new DataError(ioMessages.noRows(file), { place: { file } });
  // Everything one import stores shares the import's dataset and vintage, so vintages of the same
  // file sit side by side and a re-import replaces exactly what it wrote before.
  parsed.series = parsed.series.map((s) => ({ ...s, dataset, file, vintage }));
  return { file, mapping, parsed, dataset, vintage, sha256, unchanged, ...(encoding ? { encoding } : {}) };
}

function context(
  basis: ImportBasis,
  file: string,
  dataset: string,
  vintage: string,
  options: ImportOptions,
): ImportContext {
  return {
    file,
    dataset,
    homeCurrencies: basis.entities,
    today: vintage,
    ...(options.unit ? { unit: options.unit } : {}),
  };
}

// The first piece of a file, decoded: enough to recognise the layout from its header.
function head(path: string, file: string): { bytes: Uint8Array; text: string } {
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, bytes, 0, bytes.length, 0);
    const piece = bytes.subarray(0, n);
    let text = "";
    try {
      text = new TextStreamDecoder(file).decode(piece);
    } catch {
      // An encoding error is reported (with its row) by the full read.
    }
    return { bytes: piece, text };
  } finally {
    closeSync(fd);
  }
}

/**
 * Prepares one file from disk. A big text file whose layout reads row by row (the long CSV of
 * positions) is streamed: checked in one pass and staged for the store's bulk load, in flat
 * memory; anything else is read whole (at most {@link MAX_IMPORT_BYTES}).
 */
async function prepareFile(
  basis: ImportBasis,
  path: string,
  options: ImportOptions,
): Promise<PreparedImport> {
  const size = checkedSize(path);
  if (size > STREAM_MIN_BYTES) {
    const h = head(path, path);
    const header = headerOf(h.text, path);
    const mapping =
      isWorkbookBytes(h.bytes) || h.text.trim() === ""
        ? undefined
        : pickTextMapping(options.mapping, header, h.text, path);
    if (mapping?.rows) {
      const dataset = `import:${basename(path)}`;
      const dir = mkdtempSync(join(tmpdir(), "bslab-import-"));
      try {
        // The vintage is settled once the bytes' hash is known; the row reader does not need it.
        const ctx = context(basis, path, dataset, "", options);
        const streamed =
          (mapping.name === "long" ? await bulkLongPositions(path, path, header, ctx, dir) : undefined) ??
          (await streamPositions(path, path, { ...mapping, rows: mapping.rows }, ctx, dir));
        const { vintage, unchanged } = resolveVintage(basis, dataset, streamed.sha256, options);
        return {
          file: path,
          mapping,
          parsed: { sheets: [], series: [], entities: streamed.entities },
          dataset,
          vintage,
          sha256: streamed.sha256,
          unchanged,
          encoding: streamed.encoding,
          staged: { dir, path: streamed.path, sheets: streamed.sheets, rows: streamed.rows },
        };
      } catch (error) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  return prepare(basis, path, { bytes: readFileSync(path) }, options);
}

/** Removes what preparing left on disk (staged files). */
function discard(list: readonly PreparedImport[]): void {
  for (const p of list) if (p.staged) rmSync(p.staged.dir, { recursive: true, force: true });
}

function summary(p: PreparedImport): ImportResult {
  return {
    file: p.file,
    mapping: p.mapping.name,
    dataset: p.dataset,
    vintage: p.vintage,
    unchanged: p.unchanged,
    sheets: p.staged ? p.staged.sheets.length : p.parsed.sheets.length,
    positions: p.staged ? p.staged.rows : p.parsed.sheets.reduce((n, s) => n + s.positions.length, 0),
    series: p.parsed.series.length,
    observations: p.parsed.series.reduce((n, s) => n + s.observations.length, 0),
    ...(p.parsed.unitSource ? { unitSource: p.parsed.unitSource } : {}),
    ...(p.encoding ? { encoding: p.encoding } : {}),
  };
}

/**
 * Parses and validates the whole text first, then writes it in one transaction: a bad file changes
 * nothing already stored.
 * @example await importText(store, "entity,date,...\n...", "bank.csv", { vintage: "2026-01-01" })
 */
export async function importText(
  store: Store,
  text: string,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const p = prepare(await readImportBasis(store), file, { text }, options);
  await writeImports(store, [p], undefined, options.entityKind);
  return summary(p);
}

/**
 * Imports file contents given as bytes: .xls/.xlsx workbooks are recognised from their content,
 * anything else must be UTF-8 text. Same guarantee as {@link importText}.
 */
export async function importBytes(
  store: Store,
  bytes: Uint8Array,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const p = prepare(await readImportBasis(store), file, { bytes }, options);
  await writeImports(store, [p], undefined, options.entityKind);
  return summary(p);
}

/**
 * Reads and checks file contents given as bytes without a store (the part of
 * {@link importBytes} that takes time), so it can run off the writer's thread; pair with
 * {@link commitImports}.
 */
export function prepareBytes(
  basis: ImportBasis,
  bytes: Uint8Array,
  file: string,
  options: ImportOptions = {},
): PreparedImport {
  return prepare(basis, file, { bytes }, options);
}

function checkedSize(path: string): number {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DataError(`${path}: is a directory (give the files, e.g. ${path}/*.csv)`);
    size = st.size;
  } catch (cause) {
    if (cause instanceof BslabError) throw cause;
    throw new NotFoundError(ioMessages.noSuchFile(path), { cause });
  }
  if (size > MAX_IMPORT_BYTES)
    throw new DataError(ioMessages.tooLarge(path, size, MAX_IMPORT_BYTES), { place: { file: path } });
  return size;
}

/**
 * Reads, checks and stages files without a store: the part of an import that takes time. Pair
 * with {@link commitImports}; {@link discardImports} if the write never happens.
 */
export async function prepareImports(
  basis: ImportBasis,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<PreparedImport[]> {
  const prepared: PreparedImport[] = [];
  try {
    for (const [i, path] of paths.entries()) {
      options.onProgress?.(i, paths.length * 2, `reading ${basename(path)}`);
      prepared.push(await prepareFile(basis, path, options));
    }
  } catch (error) {
    discard(prepared);
    throw error;
  }
  return prepared;
}

/** Writes prepared files in one transaction (all or nothing), then removes their staged files. */
export async function commitImports(
  store: Store,
  prepared: readonly PreparedImport[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  try {
    await writeImports(
      store,
      prepared,
      (done, _n, label) => options.onProgress?.(prepared.length + done, prepared.length * 2, label),
      options.entityKind,
    );
  } finally {
    discard(prepared);
  }
  return prepared.map(summary);
}

/** Removes the staged files of prepared imports that will not be written. */
export const discardImports = (prepared: readonly PreparedImport[]): void => discard(prepared);

/**
 * Imports files from disk, all or nothing: every file is read, parsed and validated first, then all
 * are written in one transaction. Files over {@link MAX_IMPORT_BYTES} are refused from their size
 * alone, before a byte is read; a big long CSV of positions is streamed (flat memory) and
 * bulk-loaded by DuckDB.
 * @example await importFiles(store, ["data/fred-us-monetary/M1SL.csv", "data/fred-us-monetary/M2SL.csv"])
 */
export async function importFiles(
  store: Store,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const prepared = await prepareImports(await readImportBasis(store), paths, options);
  return commitImports(store, prepared, options);
}

/**
 * Imports files holding the database only to read what the import needs and to write: `open`
 * opens the store for one piece of work and closes it (the CLI's `withCliStore`), so other
 * processes can use the file while the files are read and checked.
 */
export async function importFilesReleasing(
  open: <T>(work: (store: Store) => Promise<T>) => Promise<T>,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const prepared = await prepareImports(await open(readImportBasis), paths, options);
  try {
    return await open((store) => commitImports(store, prepared, options));
  } finally {
    discard(prepared);
  }
}

/** Imports one file from disk (see {@link importFiles}). */
export async function importFile(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return (await importFiles(store, [path], options))[0]!;
}
