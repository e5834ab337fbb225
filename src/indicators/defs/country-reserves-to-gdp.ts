import { info, PENG_XIE, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** FX reserves / GDP: the size of the reserve buffer (and of the creditor-type currency exposure). */
export const def: IndicatorDef = {
  id: "country.reserves_to_gdp",
  type: "currency",
  level: "country",
  name: { en: "FX reserves / GDP", zh: "外汇储备/GDP" },
  formula: "fx_reserves / gdp",
  terms: {
    fx_reserves: variable("fx_reserves", "FX reserves minus gold", "外汇储备（不含黄金）"),
    gdp: variable("gdp", "GDP (USD)", "GDP（美元）"),
  },
  evaluate: (v, h) => h.div(v.fx_reserves!, v.gdp!, "GDP"),
  unit: "fraction",
  threshold: { en: "descriptive", zh: "描述性" },
  read: info({ en: "FX reserves", zh: "外汇储备占GDP" }),
  citation: PENG_XIE(
    "section 3 (reserves held by the central bank as the source of creditor-type mismatch)",
    "第3节（央行持有的储备是债权型错配的来源）",
  ),
};
