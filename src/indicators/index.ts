/**
 * Mismatch-risk indicators of the balance-sheet approach (Allen et al. 2002) as the seed study
 * (Peng and Xie 2014) applies them to central banks: the registry of definitions, their computation
 * with traced inputs, time series, and the Table 2 verdicts.
 *
 * @example
 * import { computeAll, listIndicators, assess } from "bslab";
 * const results = computeAll(listIndicators({ level: ["central-bank", "sector"] }), { entity: "pboc", date: "2013-12", sheet });
 * assess(results).conclusion.en; // "severe creditor-type currency mismatch; capital-structure mismatch present"
 */
export type {
  Citation,
  FormulaHelpers,
  IndicatorDef,
  IndicatorLevel,
  IndicatorUnit,
  MismatchType,
  Reading,
  Selector,
  Term,
  Text,
} from "./types.ts";
export { NotComputable } from "./types.ts";
export { buildRegistry, getIndicator, listIndicators, REGISTRY } from "./registry.ts";
export { indicatorsForInput, indicatorsForKind, levelsForKind } from "./levels.ts";
export type { IndicatorInput, IndicatorResult, InputLine, InputUsed, VariableValue } from "./compute.ts";
export { computeAll, computeIndicator, formatSource, safeDiv } from "./compute.ts";
export { selectPositions } from "./select.ts";
export type { Assessment, Verdict, VerdictLevel } from "./assess.ts";
export { assess, ASSESSMENT_RULES, verdictText } from "./assess.ts";
export type { SeriesRow } from "./series.ts";
export { indicatorSeries, loadCompiledSeries, loadIndicatorSeries } from "./series.ts";
export { compileIndicator, compiledOf, evaluateAll, type CompiledValues } from "./compiled.ts";
export { inputsInRange, parsePeriod, partialSheets, resolveInput } from "./inputs.ts";
export type { StudyFigure } from "./study.ts";
export { matchesStudy, STUDY_2013, STUDY_VERDICTS } from "./study.ts";
export { indicatorMessages } from "./messages.ts";
export { indicatorsMarkdown } from "./docs.ts";
