import { msg } from "../i18n/catalogue.ts";
import type { Lang } from "../i18n/lang.ts";
import type { IndicatorResult, InputLine } from "../indicators/compute.ts";

/** A source reference split into its file and its row (and column, when there is one). */
export interface SourcePlace {
  file: string;
  row: number | null;
  column: string | null;
}

/** Splits `file[sheet]:row[:column]` (the indicator engine's `formatSource`) into its parts. */
export function parseSource(source: string): SourcePlace {
  const m = /^(.*?):(\d+)(?::(.*))?$/.exec(source);
  if (!m) return { file: source, row: null, column: null };
  return { file: m[1]!, row: Number(m[2]), column: m[3] ?? null };
}

/** The file name without its folders: `data/x/monetary_authority_bs_2013.xls` -> `monetary_authority_bs_2013.xls`. */
export function baseName(file: string): string {
  return file.split("/").pop() ?? file;
}

/**
 * The source lines of some results, compacted per file for a table cell:
 * `monetary_authority_bs_2013.xls rows 9, 18, 24` (`… 第9、18、24行` in Chinese). Files keep their
 * order of first use; rows sort.
 */
export function compactSources(lines: readonly InputLine[], lang: Lang = "en"): string {
  const byFile = new Map<string, Set<string>>();
  for (const l of lines) {
    const p = parseSource(l.source);
    const file = baseName(p.file);
    let rows = byFile.get(file);
    if (!rows) byFile.set(file, (rows = new Set()));
    if (p.row !== null) rows.add(p.column ? msg(lang, "report.columnOfRow", p.row, p.column) : String(p.row));
  }
  return [...byFile]
    .map(([file, rows]) => {
      const list = [...rows].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
      return list.length ? msg(lang, "report.fileRows", file, list) : file;
    })
    .join(lang === "zh" ? "；" : "; ");
}

/** Every balance-sheet line a set of results read. */
export function linesOf(results: readonly IndicatorResult[]): InputLine[] {
  return results.flatMap((r) => r.inputs.flatMap((i) => i.lines));
}
