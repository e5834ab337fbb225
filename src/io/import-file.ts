import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";

import { BslabError, DataError, NotFoundError } from "../errors.ts";
import type { Unit } from "../model/units.ts";
import type { Progress } from "../store/bundled.ts";
import { saveSeries } from "../store/series.ts";
import { listEntities, saveEntity, saveSheets } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import type { ImportContext, Mapping, ParsedImport } from "./mappings/index.ts";
import { headerOf, MAPPINGS, withBytes } from "./mappings/index.ts";
import { parseCsv } from "./csv/parse-csv.ts";
import { ioMessages } from "./messages.ts";
import { isWorkbookBytes, readWorkbook } from "./xlsx/read-workbook.ts";

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

/** One parsed file, ready to be written. */
interface Prepared {
  file: string;
  mapping: Mapping;
  parsed: ParsedImport;
  dataset: string;
  vintage: string;
  sha256: string;
  unchanged: boolean;
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

/** Where in the bytes UTF-8 decoding first fails, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the smallest code point (no overlongs).
    const [need, min] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80]
        : b >= 0xe0 && b <= 0xef
          ? [2, 0x800]
          : b >= 0xf0 && b <= 0xf4
            ? [3, 0x10000]
            : [0, 0];
    if (need === 0) return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function encodingHint(bytes: Uint8Array, at: number): string {
  const a = bytes[at] ?? 0;
  const b = bytes[at + 1] ?? 0;
  // Common Chinese characters in GBK are two high bytes; a Latin-1 accent is one high byte in ASCII.
  if (a >= 0x81 && a <= 0xfe && b >= 0x80 && b <= 0xfe) return "; the bytes look like GBK/GB18030";
  if (a >= 0xa0) return "; the bytes look like Latin-1/Windows-1252";
  return "";
}

/** Decodes bytes as UTF-8, refusing text that is not, with the row and byte where it breaks. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const at = firstInvalidUtf8(bytes);
  if (at >= 0) {
    let row = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) row++;
    throw new DataError(ioMessages.notUtf8(`${file}: row ${row}`, at, encodingHint(bytes, at)), {
      place: { file, row },
    });
  }
  return new TextDecoder("utf-8").decode(bytes);
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
): Promise<Prepared> {
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

async function write(store: Store, list: readonly Prepared[], onProgress?: Progress): Promise<void> {
  const known = new Set((await listEntities(store)).map((e) => e.id));
  await store.transaction(async () => {
    let done = 0;
    for (const p of list) {
      onProgress?.(done, list.length, `writing ${basename(p.file)}`);
      for (const info of p.parsed.entityInfo ?? [])
        if (!known.has(info.id)) {
          await saveEntity(store, info);
          known.add(info.id);
        }
      for (const [id, currency] of p.parsed.entities)
        if (!known.has(id)) {
          await saveEntity(store, {
            id,
            name: { en: id, zh: id },
            sector: null,
            country: "",
            homeCurrency: currency,
          });
          known.add(id);
        }
      // saveSeries binds an empty list as a list of ANY, which DuckDB refuses: skip empty writes.
      if (p.parsed.sheets.length > 0) await saveSheets(store, p.parsed.sheets, p.vintage, p.dataset);
      if (p.parsed.series.length > 0) await saveSeries(store, p.parsed.series);
      await store.run(
        "insert or replace into datasets values ($1, $2, 'user import', $3, $4, 'as imported', false, $5, current_timestamp)",
        [p.dataset, `import of ${p.file}`, p.file, p.vintage, p.sha256.slice(0, 16)],
      );
      await store.run(
        "insert or replace into imports values ($1, $2, $3, $4, $5, $6, $7, current_timestamp)",
        [
          `${p.dataset}@${p.vintage}`,
          p.dataset,
          p.file,
          p.sha256,
          p.mapping.name,
          p.vintage,
          p.parsed.sheets.reduce((n, s) => n + s.positions.length, 0) +
            p.parsed.series.reduce((n, s) => n + s.observations.length, 0),
        ],
      );
      onProgress?.(++done, list.length, `writing ${basename(p.file)}`);
    }
  });
}

function summary(p: Prepared): ImportResult {
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
  await write(store, [p]);
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
  await write(store, [p]);
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
  const prepared: Prepared[] = [];
  const total = paths.length * 2;
  for (const [i, path] of paths.entries()) {
    options.onProgress?.(i, total, `reading ${basename(path)}`);
    prepared.push(await prepare(store, path, { bytes: readChecked(path) }, options));
  }
  await write(store, prepared, (done, _n, label) => options.onProgress?.(paths.length + done, total, label));
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
