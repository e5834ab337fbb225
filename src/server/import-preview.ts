import { BslabError, DataError } from "../errors.ts";
import { parseCsv } from "../io/csv/parse-csv.ts";
import { headerOf, MAPPINGS, type Mapping } from "../io/mappings/index.ts";
import type { TextEncoding } from "../io/text/decode.ts";

/** One problem found in an uploaded file, placed by row (1 = header) and column name. */
export interface PreviewError {
  row: number | null;
  column: string | null;
  message: string;
}

/** What an upload would import, shown before anything is written. */
export interface ImportPreview {
  file: string;
  /** The text encoding the upload was read in (`utf-8` or `gb18030`); absent for workbooks. */
  encoding?: TextEncoding;
  mapping: string | null;
  header: string[];
  /** The first rows (after the header), as text cells, with their file row numbers. */
  rows: Array<{ row: number; cells: string[] }>;
  totalRows: number;
  errors: PreviewError[];
  ok: boolean;
  summary: {
    sheets: number;
    positions: number;
    series: number;
    observations?: number;
    entities: string[];
    dates: string[];
  } | null;
}

const MAX_ERRORS = 100;
const MAX_ROWS = 500;

/** An error as the preview lists it: row and column from its place when it has one. */
export function placed(error: unknown): PreviewError {
  if (error instanceof BslabError) {
    const row = error.place?.row ?? null;
    const column = error.place?.column;
    return { row, column: column === undefined ? null : String(column), message: error.message };
  }
  return { row: null, column: null, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Validates an upload without writing: the importers stop at the first bad row, so the preview
 * blanks each reported row and reads again, collecting every row-level error (up to 100) for the
 * page to highlight. File-level problems (header, balance) end the list.
 */
export function previewImport(
  text: string,
  file: string,
  options: {
    mapping?: string;
    homeCurrencies: ReadonlyMap<string, string>;
    today: string;
    encoding?: TextEncoding;
  },
): ImportPreview {
  const preview: ImportPreview = {
    file,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    mapping: null,
    header: [],
    rows: [],
    totalRows: 0,
    errors: [],
    ok: false,
    summary: null,
  };
  let records: string[][];
  try {
    records = parseCsv(text, { fileName: file });
  } catch (error) {
    preview.errors.push(placed(error));
    return preview;
  }
  preview.header = (records[0] ?? []).map((h) => h.trim());
  const body = records.slice(1);
  preview.totalRows = body.filter((r) => !(r.length === 1 && r[0]!.trim() === "")).length;
  preview.rows = body.slice(0, MAX_ROWS).map((cells, i) => ({ row: i + 2, cells }));

  let mapping: Mapping | undefined;
  if (options.mapping) {
    mapping = MAPPINGS.find((m) => m.name === options.mapping);
    if (!mapping)
      preview.errors.push({
        row: null,
        column: null,
        message: `unknown mapping ${JSON.stringify(options.mapping)} (known: ${MAPPINGS.map((m) => m.name).join(", ")})`,
      });
  } else {
    const header = headerOf(text, file);
    mapping = MAPPINGS.find((m) => (m.input ?? "text") === "text" && m.detect(header, text));
    if (!mapping)
      preview.errors.push(
        placed(
          new DataError(
            `${file}: row 1: header matches no known layout: ${header.join(",")} (known: ${MAPPINGS.map((m) => m.name).join(", ")})`,
            { place: { file, row: 1 } },
          ),
        ),
      );
  }
  if (!mapping) return preview;
  preview.mapping = mapping.name;

  const lines = text.split(/\r?\n/);
  for (let attempt = 0; attempt < MAX_ERRORS; attempt++) {
    try {
      const parsed = mapping.read(lines.join("\n"), {
        file,
        dataset: `import:${file}`,
        homeCurrencies: options.homeCurrencies,
        today: options.today,
      });
      if (preview.errors.length === 0) {
        preview.ok = true;
        preview.summary = {
          sheets: parsed.sheets.length,
          positions: parsed.sheets.reduce((n, s) => n + s.positions.length, 0),
          series: parsed.series.length,
          entities: [...new Set(parsed.sheets.map((s) => s.entity))],
          dates: [...new Set(parsed.sheets.map((s) => s.date))].sort(),
        };
      }
      break;
    } catch (error) {
      const e = placed(error);
      // With rows blanked, a file-level failure (e.g. the sheet no longer balances) is an echo of
      // the row errors already listed, not news: stop without it.
      if ((e.row === null || e.row < 2) && preview.errors.length > 0) break;
      preview.errors.push(e);
      // A row-level error: blank that line and read again to find the next one.
      if (e.row === null || e.row < 2 || e.row > lines.length || lines[e.row - 1] === "") break;
      lines[e.row - 1] = "";
    }
  }
  return preview;
}
