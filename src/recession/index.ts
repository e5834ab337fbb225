/**
 * Balance-sheet-recession monitor: the BIS credit-to-GDP gap, the four marks of a balance-sheet
 * recession, the stage diagnosis and an out-of-sample skill score. Everything reads the bundled data
 * in `data/` (cached per process).
 */
import { resolveCountry } from "./countries.ts";
import { bisCreditRatio, bisPublishedGap } from "./country-data.ts";
import { computeCreditGap, type CreditGapRow } from "./credit-gap.ts";
import { DataError } from "../errors.ts";
import { recessionMessages } from "./messages.ts";

export { bufferGuide, BUFFER_GUIDE } from "./buffer-guide.ts";
export {
  computeCreditGap,
  BIS_GAP_START_OBS,
  type CreditGapRow,
  type CreditGapOptions,
} from "./credit-gap.ts";
export { hpTrendBanded, oneSidedHpKalman, oneSidedHpRecursive, BIS_LAMBDA } from "./hp-filter.ts";
export { COUNTRIES, resolveCountry, type CountryInfo } from "./countries.ts";
export {
  loadCountryData,
  INPUT_FIELDS,
  RECESSION_DATASETS,
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
export { diagnose, VERDICT, type Diagnosis, type Episode, type Stage, type YearDiagnosis } from "./stages.ts";
export {
  evaluate,
  evaluateReport,
  parseWindow,
  type EvaluationReport,
  type SkippedSample,
  type EvaluateOptions,
  type EvaluationResult,
  type ScoreSkill,
} from "./evaluate.ts";
export { auroc, delong, bootstrapAuroc, nsrAtTpr, thresholdStats, type Scored } from "./auroc.ts";
export type { Signal } from "./signal.ts";

/** Vintage of the bundled BIS data the credit gap is computed from. */
export const CREDIT_GAP_VINTAGE = "BIS WS_CREDIT_GAP download of 2026 (last observation 2025-Q4)";

/** A credit-gap row with the BIS's own published gap of the same vintage, for comparison. */
export interface CountryCreditGapRow extends CreditGapRow {
  /** Gap published by the BIS in the same (2026) download; null where it publishes none. */
  bisGap: number | null;
}

/**
 * The BIS credit-to-GDP gap of a country, recomputed from the BIS credit-to-GDP ratio (private
 * non-financial sector, all lenders) of the bundled 2026 download: one-sided HP, lambda 400,000,
 * published from the 41st quarter, with the Basel III buffer guide.
 *
 * @param country BIS two-letter code (`US`, `JP`, `GB`/`UK`...) or ISO3
 * @example creditGap("JP").find((r) => r.date === "1990-Q1")?.gap // ≈ 23.8
 */
export function creditGap(country: string): CountryCreditGapRow[] {
  const c = resolveCountry(country);
  const ratio = bisCreditRatio(c.iso2);
  if (!ratio || ratio.length === 0) throw new DataError(recessionMessages.noCreditRatio(c.name));
  const published = bisPublishedGap(c.iso2);
  return computeCreditGap(ratio).map((r) => ({ ...r, bisGap: published.get(r.date) ?? null }));
}
