import { UsageError, messages } from "../errors.ts";
import { csvField } from "../io/export/csv-field.ts";
import { msg } from "../i18n/catalogue.ts";
import type { Lang } from "../i18n/lang.ts";
import type { OutputFormat } from "./context.ts";
import { CLI_MESSAGES } from "./messages.ts";

export type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

const FORMATS: readonly OutputFormat[] = ["table", "csv", "json"];

/** Validates a `--format` value against the formats a command supports. */
export function parseFormat(
  value: string | undefined,
  allowed: readonly OutputFormat[] = FORMATS,
): OutputFormat {
  const format = (value ?? allowed[0]) as OutputFormat;
  if (!allowed.includes(format))
    throw new UsageError(messages.invalidOption("--format", value, allowed.join("|")));
  return format;
}

// Quoted, and guarded against spreadsheet formulas (src/io/export/csv-field.ts).
const csvCell = (cell: Cell): string => csvField(cell);

/** RFC 4180 CSV with a header row; `null` prints as an empty cell. */
export function toCsv(rows: readonly Row[], columns: readonly string[] = columnsOf(rows)): string {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\n") + "\n";
}

function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

// East-Asian wide characters take two terminal cells; without this Chinese labels break alignment.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1;
  return width;
}

/** Adds one to a string of decimal digits ("0999" -> "1000"). */
function incrementDigits(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

/**
 * `x` with at most `decimals` decimals and no grouping, exactly as
 * `x.toLocaleString("en-US", { maximumFractionDigits: decimals, useGrouping: false })` writes it
 * (the shortest digits that read back as `x`, rounded half away from zero), without that call:
 * its first use loads ICU's number formatting, a good part of a table command's start-up.
 */
export function plainDecimal(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return x.toLocaleString("en-US", { useGrouping: false });
  const [mantissa = "0", exponent = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const point = Number(exponent) + 1; // digits before the decimal point
  const intLength = Math.max(point, 1);
  // The digits with the point removed: `intLength` whole digits, then at least decimals + 1 more.
  const padded = (point <= 0 ? "0".repeat(1 - point) + digits : digits).padEnd(intLength + decimals + 1, "0");
  let kept = padded.slice(0, intLength + decimals);
  if ((padded[intLength + decimals] ?? "0") >= "5") kept = incrementDigits(kept);
  const whole = kept.slice(0, kept.length - decimals) || "0";
  const fraction = kept.slice(kept.length - decimals).replace(/0+$/, "");
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

function tableCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : plainDecimal(cell, 6);
  return String(cell);
}

/**
 * A plain-text table: numbers right-aligned, text left-aligned; `heading` names a column for
 * people (in the reader's language), the key by default.
 */
export function toTable(
  rows: readonly Row[],
  columns: readonly string[] = columnsOf(rows),
  heading: (column: string) => string = (c) => c,
): string {
  const text = rows.map((row) => columns.map((c) => tableCell(row[c])));
  const heads = columns.map(heading);
  const widths = columns.map((_c, i) =>
    Math.max(displayWidth(heads[i]!), ...text.map((r) => displayWidth(r[i] ?? ""))),
  );
  const numeric = columns.map(
    (c) =>
      rows.length > 0 && rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === "number"),
  );
  const pad = (s: string, i: number) => {
    const gap = " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(s)));
    return numeric[i] ? gap + s : s + gap;
  };
  const lines = [heads.map(pad).join("  "), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of text) lines.push(r.map(pad).join("  ").trimEnd());
  return lines.join("\n") + "\n";
}

/**
 * Renders rows in the chosen format; JSON is an array of objects. CSV and JSON keep the keys (for
 * scripts); a table in Chinese heads its columns in Chinese when `lang` is given.
 */
export function render(
  rows: readonly Row[],
  format: OutputFormat,
  columns?: readonly string[],
  lang?: Lang,
): string {
  if (format === "json") return JSON.stringify(rows, null, 2) + "\n";
  if (format === "csv") return toCsv(rows, columns);
  if (!lang) return toTable(rows, columns);
  // A table is read: yes and no in the reader's language rather than true and false.
  const words = rows.map((row) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(row))
      out[k] = typeof v === "boolean" ? msg(lang, v ? "cli.yes" : "cli.no") : v;
    return out;
  });
  return toTable(words, columns ?? columnsOf(rows), (c) => columnHeading(c, lang));
}

/** A column's heading in `lang` (the key itself when the catalogue has none, e.g. an indicator id). */
export function columnHeading(column: string, lang: Lang): string {
  const key = `col.${column}`;
  return Object.hasOwn(CLI_MESSAGES, key) ? msg(lang, `cli.${key as `col.id`}`) : column;
}
