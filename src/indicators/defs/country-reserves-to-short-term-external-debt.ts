import { variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Greenspan-Guidotti as usually stated: FX reserves / short-term external debt (>= 1 is safe). */
export const def: IndicatorDef = {
  id: "country.reserves_to_short_term_external_debt",
  type: "maturity",
  level: "country",
  name: { en: "FX reserves / short-term external debt", zh: "外汇储备/短期外债" },
  formula: "fx_reserves / short_term_external_debt",
  terms: {
    fx_reserves: variable("fx_reserves", "FX reserves", "外汇储备"),
    short_term_external_debt: variable("short_term_external_debt", "short-term external debt", "短期外债"),
  },
  evaluate: (v, h) => h.div(v.fx_reserves!, v.short_term_external_debt!, "short-term external debt"),
  unit: "ratio",
  threshold: {
    en: "< 1: maturity-mismatch warning (Greenspan-Guidotti rule)",
    zh: "< 1：期限错配预警（格林斯潘-吉多蒂规则）",
  },
  read: (v) =>
    v < 1
      ? {
          signal: "risk",
          text: { en: "< 1: reserves short of short-term debt", zh: "< 1：储备不足以覆盖短期外债" },
        }
      : { signal: "ok", text: { en: ">= 1: reserves cover short-term debt", zh: ">= 1：储备覆盖短期外债" } },
  citation: {
    author: "Greenspan; Guidotti",
    year: 1999,
    where: "the reserve-adequacy rule, as cited by the seed",
    via: "Peng and Xie (2014), section 2.1",
    zh: {
      author: "Greenspan、Guidotti",
      where: "储备充足性规则（据研究引述）",
      via: "彭振江、谢云峰（2014）第2.1节",
    },
  },
  note: {
    en: "The reciprocal of country.short_term_external_debt_to_reserves; the seed's China 2013 figures imply about 5.65.",
    zh: "为 country.short_term_external_debt_to_reserves 的倒数；按研究2013年中国数据约为5.65。",
  },
};
