import { ParseError } from "../../errors.ts";

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
  const fileName = options.fileName ?? "<input>";
  const delimiter = options.delimiter ?? ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let inQuotes = false;
  let quoteStartRow = 0;
  let fieldStarted = false;
  while (i < n) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Copy a run of ordinary characters at once: much faster than char-by-char concatenation.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      quoteStartRow = rows.length + 1;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = "";
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStarted = false;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    // Unquoted run up to the next special character.
    let j = i + 1;
    while (j < n) {
      const c = text[j];
      if (c === delimiter || c === "\r" || c === "\n" || c === '"') break;
      j++;
    }
    field += text.slice(i, j);
    fieldStarted = true;
    i = j;
  }
  if (inQuotes)
    throw new ParseError(
      `${fileName}: row ${quoteStartRow}: unterminated quoted field (add the closing '"')`,
      {
        place: { file: fileName, row: quoteStartRow },
      },
    );
  if (fieldStarted || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
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
