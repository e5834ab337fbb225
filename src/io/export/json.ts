import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Series } from "../../model/series.ts";
import { unitLabel } from "../../model/units.ts";
import { checkSheet, type CheckResult } from "../../model/validate.ts";

/** The JSON document `bslab export analysis` writes: everything needed to redo or check the analysis. */
export interface AnalysisJson {
  format: "bslab-analysis";
  version: 1;
  /** ISO timestamp, or the value the caller fixed (tests pin it for deterministic output). */
  generated: string;
  /** What was asked for: entity, date range, series ids. */
  query: Record<string, unknown>;
  /** Datasets the values come from (id, vintage, licence ...). */
  datasets: Array<Record<string, unknown>>;
  sheets: Array<BalanceSheet & { unitLabel: string; checks: CheckResult[] }>;
  series: Series[];
  /** Results of later stages (indicators, verdicts), keyed by name; empty until they run. */
  results: Record<string, unknown>;
}

/**
 * A whole analysis as one JSON document: the sheets with their accounting checks, the series, the
 * datasets they come from and any computed results. Numbers are written as JSON numbers (exact
 * round trip); `bslab import` reads the sheets and series of such a file back.
 * @example analysisToJson({ sheets, series: [], query: { entity: "pboc" } }, { generated: "2026-01-01" })
 */
export function analysisToJson(
  a: {
    sheets: readonly BalanceSheet[];
    series: readonly Series[];
    query?: Record<string, unknown>;
    datasets?: Array<Record<string, unknown>>;
    results?: Record<string, unknown>;
  },
  options: { generated?: string } = {},
): string {
  const doc: AnalysisJson = {
    format: "bslab-analysis",
    version: 1,
    generated: options.generated ?? new Date().toISOString(),
    query: a.query ?? {},
    datasets: a.datasets ?? [],
    sheets: a.sheets.map((s) => ({ ...s, unitLabel: unitLabel(s.unit), checks: checkSheet(s) })),
    series: [...a.series],
    results: a.results ?? {},
  };
  return JSON.stringify(doc, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v), 2) + "\n";
}

/** Reads the sheets and series back from {@link analysisToJson} output; anything else is refused. */
export function readAnalysisJson(text: string, file: string): { sheets: BalanceSheet[]; series: Series[] } {
  let doc: Partial<AnalysisJson>;
  try {
    doc = JSON.parse(text) as Partial<AnalysisJson>;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new DataError(`${file}: not valid JSON (${why}); is the file truncated?`, {
      cause,
      place: { file },
    });
  }
  if (doc.format !== "bslab-analysis" || !Array.isArray(doc.sheets) || !Array.isArray(doc.series))
    throw new DataError(
      `${file}: JSON is not a bslab analysis export (expected "format": "bslab-analysis" with sheets and series)`,
      { place: { file } },
    );
  const sheets = doc.sheets.map(({ unitLabel: _u, checks: _c, ...s }) => s as BalanceSheet);
  return { sheets, series: doc.series };
}
