import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";

import { BslabError, DataError, NotFoundError } from "../errors.ts";
import { parseCsv } from "../io/csv/parse-csv.ts";
import type { ImportContext, Mapping, ParsedImport } from "../io/mappings/index.ts";
import { headerOf, MAPPINGS, withBytes } from "../io/mappings/index.ts";
import { ioMessages } from "../io/messages.ts";
import { decodeUtf8 } from "../io/text/decode.ts";
import { isWorkbookBytes, readWorkbook } from "../io/xlsx/read-workbook.ts";
import type { EntityKind } from "../model/entity.ts";
import type { Unit } from "../model/units.ts";
import { listEntities } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import type { Progress } from "./progress.ts";
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
}

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
  const rows = named(file, () => parseCsv(text, { fileName: file }));
  const width = rows[0]?.length ?? 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0]!.trim() === "") continue;
    if (row.length < width)
      throw new DataError(ioMessages.truncatedRow({ file, row: r + 1 }, row.length, width), {
        place: { file, row: r + 1 },
      });
  }
}

async function resolveVintage(
  store: Store,
  dataset: string,
  sha256: string,
  options: ImportOptions,
): Promise<{ vintage: string; unchanged: boolean }> {
  const rows = await store.all<{ vintage: string; sha256: string }>(
    "select vintage, sha256 from imports where dataset = $1 order by imported_at",
    [dataset],
  );
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

async function prepare(
  store: Store,
  file: string,
  input: { bytes: Uint8Array } | { text: string },
  options: ImportOptions,
): Promise<PreparedImport> {
  const dataset = `import:${basename(file)}`;
  const hashInput = "bytes" in input ? input.bytes : input.text;
  const sha256 = createHash("sha256").update(hashInput).digest("hex");
  const { vintage, unchanged } = await resolveVintage(store, dataset, sha256, options);
  const known = new Map((await listEntities(store)).map((e) => [e.id, e.homeCurrency]));
  const ctx: ImportContext = {
    file,
    dataset,
    homeCurrencies: known,
    today: vintage,
    ...(options.unit ? { unit: options.unit } : {}),
  };
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
    const text = "text" in input ? input.text : decodeUtf8(input.bytes, file);
    if (text.trim() === "") throw new DataError(ioMessages.emptyFile(file), { place: { file } });
    mapping = pickTextMapping(options.mapping, headerOf(text, file), text, file);
    if (mapping.name !== "bslab-json" && mapping.name !== "fed-ddp") assertNoShortRow(text, file);
    parsed = named(file, () => mapping.read(text, ctx));
  }
  if (parsed.sheets.length === 0 && parsed.series.length === 0)
    throw new DataError(ioMessages.noRows(file), { place: { file } });
  // Everything one import stores shares the import's dataset and vintage, so vintages of the same
  // file sit side by side and a re-import replaces exactly what it wrote before.
  parsed.series = parsed.series.map((s) => ({ ...s, dataset, file, vintage }));
  return { file, mapping, parsed, dataset, vintage, sha256, unchanged };
}

function summary(p: PreparedImport): ImportResult {
  return {
    file: p.file,
    mapping: p.mapping.name,
    dataset: p.dataset,
    vintage: p.vintage,
    unchanged: p.unchanged,
    sheets: p.parsed.sheets.length,
    positions: p.parsed.sheets.reduce((n, s) => n + s.positions.length, 0),
    series: p.parsed.series.length,
    observations: p.parsed.series.reduce((n, s) => n + s.observations.length, 0),
    ...(p.parsed.unitSource ? { unitSource: p.parsed.unitSource } : {}),
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
  const p = await prepare(store, file, { text }, options);
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
  const p = await prepare(store, file, { bytes }, options);
  await writeImports(store, [p], undefined, options.entityKind);
  return summary(p);
}

function readChecked(path: string): Uint8Array {
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
  return readFileSync(path);
}

/**
 * Imports files from disk, all or nothing: every file is read, parsed and validated first, then all
 * are written in one transaction. Files over {@link MAX_IMPORT_BYTES} are refused from their size
 * alone, before a byte is read.
 * @example await importFiles(store, ["data/fred-us-monetary/M1SL.csv", "data/fred-us-monetary/M2SL.csv"])
 */
export async function importFiles(
  store: Store,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const prepared: PreparedImport[] = [];
  const total = paths.length * 2;
  for (const [i, path] of paths.entries()) {
    options.onProgress?.(i, total, `reading ${basename(path)}`);
    prepared.push(await prepare(store, path, { bytes: readChecked(path) }, options));
  }
  await writeImports(
    store,
    prepared,
    (done, _n, label) => options.onProgress?.(paths.length + done, total, label),
    options.entityKind,
  );
  return prepared.map(summary);
}

/** Imports one file from disk (see {@link importFiles}). */
export async function importFile(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return (await importFiles(store, [path], options))[0]!;
}
