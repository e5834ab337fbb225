/**
 * One CSV field as bslab writes it: RFC 4180 quoting, and text that a spreadsheet would take for a
 * formula (a leading `=`, `+`, `-`, `@`, tab or carriage return: CSV/formula injection, e.g. an item
 * named `=cmd|' /C calc'!A0`) prefixed with a single quote, which spreadsheets show as text and
 * {@link unescapeFormula} removes on import. Numbers, text that is a plain decimal number
 * (`-1.5`) and a lone `-` are written as they are.
 * @example csvField("=1+1") // "'=1+1"
 * @example csvField(-2.5) // "-2.5"
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // A lone "-" (a placeholder) is no formula.
  if (typeof value === "string" && text.length > 1 && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The text {@link csvField} escaped, as it was: `'=1+1` → `=1+1`; anything else unchanged. */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
