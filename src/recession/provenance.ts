/**
 * Provenance of the credit gap: which series, vintage, dataset and file (and row, where known) a
 * {@link creditGap} result was computed from, and how the CLI and the reports cite it.
 */
import { vintageText } from "../model/vintage-text.ts";
import type { SeriesSource } from "./source.ts";

/** What a credit gap was computed from: the ratio's source, and the BIS published gap's. */
export interface CreditGapSource extends SeriesSource {
  /** The gap the BIS publishes (the `bisGap` column), which may be of another vintage; null if none. */
  publishedGap: SeriesSource | null;
}

/**
 * A series' source in one line.
 * @example seriesSourceText(creditGap("JP").source)
 * // "BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2026 (last quarter 2025-Q4), dataset bis-ws-credit-gap,
 * //  file data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv, row 2"
 */
export function seriesSourceText(s: SeriesSource, lang: "en" | "zh" = "en"): string {
  if (lang === "zh")
    return `${s.id}，版本${vintageText(s.vintage).zh}，数据集${s.dataset}，文件${s.file}${s.row === null ? "" : `，第${s.row}行`}`;
  return `${s.id}, vintage ${s.vintage}, dataset ${s.dataset}, file ${s.file}${s.row === null ? "" : `, row ${s.row}`}`;
}

const sameOrigin = (a: SeriesSource, b: SeriesSource) =>
  a.vintage === b.vintage && a.dataset === b.dataset && a.file === b.file;

/**
 * The credit gap's sources in one line: the ratio, then the BIS published gap (shortened to its id
 * and row when it comes from the same vintage, dataset and file).
 */
export function creditGapSourceText(source: CreditGapSource, lang: "en" | "zh" = "en"): string {
  const ratio = `${lang === "zh" ? "信贷/GDP：" : "credit/GDP: "}${seriesSourceText(source, lang)}`;
  const g = source.publishedGap;
  if (!g) return ratio;
  const rowText = g.row === null ? "" : lang === "zh" ? `，第${g.row}行` : `, row ${g.row}`;
  const gap = sameOrigin(source, g) ? `${g.id}${rowText}` : seriesSourceText(g, lang);
  return lang === "zh" ? `${ratio}；BIS公布缺口：${gap}` : `${ratio}; BIS published gap: ${gap}`;
}

/**
 * Where one observation is: `file:row:date` where the row is known (the bundled csv_col file; the
 * date is the column), else the series' dataset, vintage and id with the date.
 * @example observationRef(creditGap("JP").source, "1990-Q4") // "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv:2:1990-Q4"
 */
export function observationRef(s: SeriesSource, date: string): string {
  return s.row !== null
    ? `${s.file}:${s.row}:${date}`
    : `${s.file} (${s.dataset}, vintage ${s.vintage}): ${s.id} ${date}`;
}
