/**
 * Balance-sheet-recession monitor: the BIS credit-to-GDP gap, the four marks of a balance-sheet
 * recession, the stage diagnosis and an out-of-sample skill score. Inputs come from a bslab store
 * when one is passed (`{ store }`: the latest vintage of each series, so a newer BIS import is used;
 * the functions then return Promises), else from the bundled files in `data/` (cached per process).
 */
import { type CountryInfo, resolveCountry } from "./countries.ts";
import { creditRatioOf, type SourceOptions } from "./country-data.ts";
import { computeCreditGap, type CreditGapRow } from "./credit-gap.ts";
import { DataError } from "../errors.ts";
import { recessionMessages } from "./messages.ts";
import { type CreditGapSource } from "./provenance.ts";
import {
  bisFromFiles,
  type CountryBis,
  DATASET_IDS,
  locateSeries,
  panelFromFiles,
  sourceOf,
  storeSource,
} from "./source.ts";
import { earlyWarningReport, type WarningOptions, type WarningReport } from "./warning/report.ts";
import { type CountryWarning, warnCountry } from "./warning/warn.ts";
import { MissingDatasetError } from "../io/sources/common.ts";
import type { Store } from "../store/store.ts";

export { bufferGuide, BUFFER_GUIDE } from "./buffer-guide.ts";
export {
  computeCreditGap,
  BIS_GAP_START_OBS,
  type CreditGapRow,
  type CreditGapOptions,
} from "./credit-gap.ts";
export { hpTrendBanded, oneSidedHpKalman, oneSidedHpRecursive, BIS_LAMBDA } from "./hp-filter.ts";
export { countries, resolveCountry, COUNTRY_CODES, type CountryInfo } from "./countries.ts";
export {
  loadCountryData,
  INPUT_FIELDS,
  RECESSION_DATASETS,
  assembleCountry,
  creditRatioOf,
  type SourceOptions,
  type CountryData,
  type InputField,
  type YearInputs,
} from "./country-data.ts";
export { assetPriceCollapse, ASSET_COLLAPSE } from "./marks/asset-price-collapse.ts";
export { monetaryIneffective, MONETARY_INEFFECTIVE } from "./marks/monetary-ineffective.ts";
export { privateDeleveraging, PRIVATE_DELEVERAGING } from "./marks/private-deleveraging.ts";
export { deflation, DEFLATION } from "./marks/deflation.ts";
export { leveragedBoom, LEVERAGED_BOOM } from "./precursors/leveraged-boom.ts";
export { bankingDistress } from "./banking-distress.ts";
export { fiscalTightening, policyLag, FISCAL, type PolicyLag } from "./policy-lag.ts";
export { liquidityTrap } from "./liquidity-trap.ts";
export {
  fileSource,
  storeSource,
  sourceOf,
  countryFromFiles,
  panelFromFiles,
  bisKeys,
  locateSeries,
  DATASET_IDS,
  type RecessionSource,
  type SeriesOrigin,
  type SeriesSource,
  type CountryRaw,
  type PanelRaw,
  type CountryBis,
  type BisInput,
} from "./source.ts";
export { creditGapSourceText, observationRef, seriesSourceText, type CreditGapSource } from "./provenance.ts";
export { localize, stageName, verdictText, type DiagnoseOptions } from "./stages.ts";
export {
  evidenceText,
  evidenceList,
  sourceZh,
  reasonZh,
  countryName,
  DEPTH_ZH,
  type Evidence,
  type EvidenceKey,
  type EvidenceLang,
} from "./evidence.ts";
export { signalText } from "./signal.ts";
export { labourSlack, SLACK, type Slack } from "./slack.ts";
export { peakToTrough, realGdpPeakToTrough, DEPTH, type PeakToTrough } from "./depth.ts";
export { untestedMarks, untestedSummary, type UntestedMark } from "./untested.ts";
export { STUDY_FIGURES, studyFiguresFor, type StudyFigure } from "./study-figures.ts";
export {
  diagnose,
  diagnoseData,
  VERDICT,
  type Diagnosis,
  type Episode,
  type Stage,
  type YearDiagnosis,
} from "./stages.ts";
export {
  evaluate,
  evaluateReport,
  evaluatePanels,
  parseWindow,
  type EvaluationReport,
  type SkippedSample,
  type EvaluateOptions,
  type EvaluationResult,
  type ScoreSkill,
} from "./evaluate.ts";
export { auroc, delong, bootstrapAuroc, nsrAtTpr, thresholdStats, type Scored } from "./auroc.ts";
export type { Signal } from "./signal.ts";

/** A credit-gap row with the BIS's own published gap, for comparison. */
export interface CountryCreditGapRow extends CreditGapRow {
  /** Gap published by the BIS (of the vintage `source.publishedGap` names); null where it publishes none. */
  bisGap: number | null;
}

/**
 * The rows of a credit gap, with `source`: the series, vintage, dataset, file and row it was
 * computed from. `source` is a property of the array: `JSON.stringify` and `filter`/`map` drop it,
 * so pass it on explicitly.
 */
export type CreditGapResult = CountryCreditGapRow[] & { source: CreditGapSource };

function gapRows(country: CountryInfo, bis: CountryBis | undefined): CreditGapResult {
  if (!bis) throw new MissingDatasetError(DATASET_IDS.bis, `data/${DATASET_IDS.bis}/ (not in the store)`);
  const ratio = creditRatioOf(bis);
  if (!ratio || ratio.input.observations.length === 0)
    throw new DataError(recessionMessages.noCreditRatio(country.name));
  const published = new Map((bis.publishedGap?.observations ?? []).map((o) => [o.date, o.value]));
  // The rows are fresh objects: the published gap is added in place (no second copy of each row).
  const rows = computeCreditGap(ratio.input.observations) as CountryCreditGapRow[];
  for (const r of rows) r.bisGap = published.get(r.date) ?? null;
  const source: CreditGapSource = {
    ...locateSeries(ratio.input.source),
    publishedGap: bis.publishedGap ? locateSeries(bis.publishedGap.source) : null,
  };
  return Object.assign(rows, { source });
}

/**
 * The BIS credit-to-GDP gap of a country, recomputed from the BIS credit-to-GDP ratio (private
 * non-financial sector, all lenders): one-sided HP, lambda 400,000, published from the 41st
 * quarter, with the Basel III buffer guide. Without a store: the bundled 2026 download. With
 * `{ store }`: the latest vintage in the store (WS_CREDIT_GAP's ratio, or WS_TC's `P:A:M:770:A`
 * ratio when a newer vintage of it was imported), returned as a Promise.
 *
 * The result's `source` says what was read: series id, vintage, dataset, file and the series' row
 * in the file (bundled data; null for an import, whose rows the store does not keep), and the same
 * for the BIS published gap (`publishedGap`).
 *
 * @param country BIS two-letter code (`US`, `JP`, `GB`/`UK`...) or ISO3
 * @example creditGap("JP").find((r) => r.date === "1990-Q1")?.gap // ≈ 23.8
 * @example creditGap("JP").source.file // "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv"
 * @example (await creditGap("JP", { store })).source.vintage // "2027-01-01" after such an import
 */
export function creditGap(country: string): CreditGapResult;
export function creditGap(
  country: string,
  options: SourceOptions & { store: Store },
): Promise<CreditGapResult>;
export function creditGap(
  country: string,
  options?: SourceOptions,
): CreditGapResult | Promise<CreditGapResult>;
export function creditGap(
  country: string,
  options?: SourceOptions,
): CreditGapResult | Promise<CreditGapResult> {
  const c = resolveCountry(country);
  if (options?.store)
    return storeSource(options.store)
      .bis(c)
      .then((bis) => gapRows(c, bis));
  return gapRows(c, bisFromFiles(c.iso2));
}

export {
  earlyWarningReport,
  inputKey,
  SAMPLES,
  type WarningReport,
  type WarningOptions,
} from "./warning/report.ts";
export { warnCountry, type CountryWarning } from "./warning/warn.ts";
export {
  DESIGN as WARNING_DESIGN,
  CANDIDATES as WARNING_CANDIDATES,
  type Candidate,
  type CandidateSkill,
  type HorizonResult,
} from "./warning/evaluate-warning.ts";
export { fitGbm, gbmScore, GBM, type GbmModel } from "./warning/gbm.ts";

/**
 * The early-warning evaluation (see {@link earlyWarningReport}) from the bundled files, or from a
 * store's latest vintages (`{ store }`, a Promise).
 * @example earlyWarning().results.length // 5 (2 JST horizons, 3 BIS horizons)
 */
export function earlyWarning(options?: WarningOptions & { store?: undefined }): WarningReport;
export function earlyWarning(options: WarningOptions & { store: Store }): Promise<WarningReport>;
export function earlyWarning(
  options: WarningOptions & { store?: Store | undefined } = {},
): WarningReport | Promise<WarningReport> {
  if (options.store)
    return sourceOf(options)
      .panel()
      .then((raw) => earlyWarningReport(raw, options));
  return earlyWarningReport(panelFromFiles(), options);
}

/**
 * The current warning of a country (see {@link warnCountry}), from the files or a store.
 * @example warning("US").probability
 */
export function warning(code: string, options?: WarningOptions & { store?: undefined }): CountryWarning;
export function warning(code: string, options: WarningOptions & { store: Store }): Promise<CountryWarning>;
export function warning(
  code: string,
  options: WarningOptions & { store?: Store | undefined } = {},
): CountryWarning | Promise<CountryWarning> {
  if (options.store)
    return sourceOf(options)
      .panel()
      .then((raw) => warnCountry(raw, code, options));
  return warnCountry(panelFromFiles(), code, options);
}
