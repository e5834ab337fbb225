import { CsvRecordStream } from "./csv-stream.ts";

/** Options for {@link parseCsv}. */
export interface ParseCsvOptions {
  /** File name used in error messages. Default `"<input>"`. */
  fileName?: string;
  /** Field separator. Default `","`. */
  delimiter?: string;
}

/**
 * Splits RFC 4180 CSV text into rows of string cells.
 *
 * Handles a leading UTF-8 BOM, CRLF / LF / CR line ends, quoted fields with embedded separators,
 * line breaks and doubled quotes. A trailing line break does not yield an empty row; blank lines
 * inside the file are returned as `[""]` so row numbers stay equal to physical record numbers.
 * An unterminated quote throws a ParseError naming file and row.
 *
 * @example
 * parseCsv('a,b\r\n"1,5",2\n') // [["a","b"],["1,5","2"]]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const rows: string[][] = [];
  const stream = new CsvRecordStream(
    options.fileName ?? "<input>",
    (cells) => rows.push(cells),
    options.delimiter,
  );
  stream.end(text);
  return rows;
}

const MISSING = new Set(["", "NA", ".", "..", "...", "…", "NaN", "#N/A"]);
// Decimal notation only: digits, one point, an exponent. Number() would also take 0x10, 0b1,
// 0o7 and Infinity, which no statistical table means.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Thousands separators: groups of three digits after commas (a quoted "1,000.5" or "1,234,567").
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * What is wrong with a numeric cell, or undefined when it is a number or marks a missing value.
 * The rule for separators: a comma is a thousands separator only where that is the one reading,
 * i.e. groups of exactly three digits and either a decimal point after them (`1,000.5`) or two
 * or more separators (`1,234,567`); `1,000` alone is refused, since a decimal comma would make it
 * 1.000. A value beyond ±1.8e308 (the largest double) is out of range.
 *
 * @example numberProblem("0x10") // "not a decimal number"
 */
export function numberProblem(cell: string | undefined): string | undefined {
  const t = (cell ?? "").trim();
  if (MISSING.has(t)) return undefined;
  const plain = DECIMAL.test(t);
  if (!plain && !GROUPED.test(t)) return "not a decimal number";
  if (!plain && !t.includes(".") && t.indexOf(",") === t.lastIndexOf(","))
    return "ambiguous thousands separator: write 1000 for one thousand, or 1.000 for one";
  const v = Number(plain ? t : t.replace(/,/g, ""));
  return Number.isFinite(v) ? undefined : "out of range (beyond ±1.8e308)";
}

/**
 * Parses a numeric cell. Empty, `NA`, `.`, `..`, `...`, `…`, `NaN` and `#N/A` are missing and give
 * `null`; decimal numbers (with thousands separators where {@link numberProblem} accepts them)
 * give their value; anything else (hex, words, out of range) gives `undefined` so the caller can
 * raise a DataError naming the place.
 */
export function parseNumberCell(cell: string | undefined): number | null | undefined {
  if (cell === undefined) return null;
  const t = cell.trim();
  if (MISSING.has(t)) return null;
  if (DECIMAL.test(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? v : undefined;
  }
  if (numberProblem(t) !== undefined) return undefined;
  return Number(t.replace(/,/g, ""));
}
