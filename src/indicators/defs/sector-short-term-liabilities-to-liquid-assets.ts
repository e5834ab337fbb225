import { aboveIsRisk, ALLEN_2002, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Short-term liabilities / short-term (liquid) assets of a sector's balance sheet. */
export const def: IndicatorDef = {
  id: "sector.short_term_liabilities_to_liquid_assets",
  type: "maturity",
  level: "sector",
  name: { en: "Short-term liabilities / liquid assets", zh: "短期负债/流动资产" },
  formula: "short_term_liabilities / short_term_assets",
  terms: {
    short_term_liabilities: pos(
      { side: "liability", maturity: "short" },
      "short-term liabilities",
      "短期负债",
    ),
    short_term_assets: pos(
      { side: "asset", maturity: "short" },
      "short-term (liquid) assets",
      "短期（流动）资产",
    ),
  },
  evaluate: (v, h) => h.div(v.short_term_liabilities!, v.short_term_assets!, "short-term assets"),
  unit: "ratio",
  threshold: { en: "> 1: maturity-mismatch risk", zh: "> 1：存在期限错配风险" },
  read: aboveIsRisk(
    1,
    { en: "> 1: maturity-mismatch risk", zh: "> 1：存在期限错配风险" },
    { en: "<= 1: liquid assets cover short-term liabilities", zh: "<= 1：流动资产覆盖短期负债" },
  ),
  citation: ALLEN_2002("maturity mismatch, sector level", "期限错配，部门层面"),
  maturityCoverage: 0.9,
  note: {
    en: "Needs the maturity of at least 90% of each side; the PBoC's mapping leaves most assets' maturity unknown, so for it the result is 'not computable', as the study leaves maturity 'not considered'. Maturity is original maturity unless a line says remaining.",
    zh: "需两侧至少90%的项目期限已知；人民银行项目映射中多数资产期限未知，故“无法计算”，与研究“未考虑”期限错配一致。期限按原始期限，除非项目注明剩余期限。",
  },
};
