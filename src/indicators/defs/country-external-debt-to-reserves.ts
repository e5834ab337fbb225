import { PENG_XIE, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Gross external debt / FX reserves: an upper bound of short-term external debt / reserves. */
export const def: IndicatorDef = {
  id: "country.external_debt_to_reserves",
  type: "maturity",
  level: "country",
  name: { en: "External debt / FX reserves", zh: "外债总额/外汇储备" },
  formula: "debt_liabilities / fx_reserves",
  terms: {
    debt_liabilities: variable("debt_liabilities", "external debt liabilities", "对外债务负债"),
    fx_reserves: variable("fx_reserves", "FX reserves minus gold", "外汇储备（不含黄金）"),
  },
  evaluate: (v, h) => h.div(v.debt_liabilities!, v.fx_reserves!, "FX reserves"),
  unit: "ratio",
  threshold: {
    en: "<= 1 proves the Greenspan-Guidotti rule holds (short-term debt <= total debt); > 1 says nothing by itself",
    zh: "<= 1 即可确认短期外债/储备 <= 1；> 1 本身不足以判断",
  },
  read: (v) =>
    v <= 1
      ? {
          signal: "ok",
          text: {
            en: "<= 1: even all external debt is covered by reserves",
            zh: "<= 1：全部外债均由储备覆盖",
          },
        }
      : {
          signal: "info",
          text: { en: "> 1: needs the short-term part to judge", zh: "> 1：需短期部分方可判断" },
        },
  citation: PENG_XIE("section 2.1 (reserves-based maturity ratio)", "第2.1节（以储备衡量的期限比率）"),
  note: {
    en: "Reserves-based ratio the bundled data allow: External Wealth of Nations debt liabilities (portfolio debt + other investment) over FX reserves minus gold.",
    zh: "所附数据可计算的储备类比率：EWN债务负债（证券债务+其他投资）除以不含黄金的外汇储备。",
  },
};
