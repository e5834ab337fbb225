import { aboveIsRisk, PENG_XIE, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Greenspan-Guidotti in the seed's orientation: short-term external debt / FX reserves. */
export const def: IndicatorDef = {
  id: "country.short_term_external_debt_to_reserves",
  type: "maturity",
  level: "country",
  name: { en: "Short-term external debt / FX reserves", zh: "短期外债/外汇储备" },
  formula: "short_term_external_debt / fx_reserves",
  terms: {
    short_term_external_debt: variable("short_term_external_debt", "short-term external debt", "短期外债"),
    fx_reserves: variable("fx_reserves", "FX reserves", "外汇储备"),
  },
  evaluate: (v, h) => h.div(v.short_term_external_debt!, v.fx_reserves!, "FX reserves"),
  unit: "ratio",
  threshold: { en: "> 1: maturity-mismatch warning", zh: "> 1：期限错配预警" },
  read: aboveIsRisk(
    1,
    { en: "> 1: reserves do not cover short-term external debt", zh: "> 1：外汇储备不足以覆盖短期外债" },
    { en: "<= 1: reserves cover short-term external debt", zh: "<= 1：外汇储备覆盖短期外债" },
  ),
  citation: PENG_XIE(
    "section 2.1 (China end-2013: 676.6 bn USD short-term debt, 17.7% of reserves)",
    "第2.1节（中国2013年末短期外债6,766亿美元，占储备17.7%）",
  ),
  note: {
    en: "Short-term should mean remaining maturity up to 12 months; the seed does not say which it uses. The bundled External Wealth of Nations data have no maturity split, so this is not computable from them; country.external_debt_to_reserves is its upper bound.",
    zh: "短期应指剩余期限一年以内，研究未说明口径。所附EWN数据无期限划分，无法计算；country.external_debt_to_reserves 为其上限。",
  },
};
