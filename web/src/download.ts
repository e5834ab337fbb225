import { csvField } from "../../src/io/export/csv-field.ts";

/** Saves text or a data URL as a file through a temporary link. */
export function downloadBlob(name: string, content: Blob | string, type = "text/plain"): void {
  const url =
    typeof content === "string" && content.startsWith("data:")
      ? content
      : URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  if (!url.startsWith("data:")) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV with a header row, by the same rules as the CLI's `--format csv`: a text starting
 * with `= + - @`, tab or CR (a formula to a spreadsheet, e.g. an imported item named
 * `=cmd|' /C calc'!A0`) gets a leading `'`; numbers are written as they are.
 */
export function toCsv(columns: readonly string[], rows: readonly CsvCell[][]): string {
  return [columns, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

/** A file-name-safe slug. */
export function slug(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "chart"
  );
}
