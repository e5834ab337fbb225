import { creditorDebtor, PENG_XIE, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Net external debt-type position / GDP: the sign shows creditor- or debtor-type exposure. */
export const def: IndicatorDef = {
  id: "country.net_debt_position_to_gdp",
  type: "currency",
  level: "country",
  name: { en: "Net external debt-type assets / GDP", zh: "对外净债权类资产/GDP" },
  formula: "(debt_assets + fx_reserves - debt_liabilities) / gdp",
  terms: {
    debt_assets: variable("debt_assets", "external debt assets (excl. reserves)", "对外债务资产（不含储备）"),
    fx_reserves: variable("fx_reserves", "FX reserves minus gold", "外汇储备（不含黄金）"),
    debt_liabilities: variable("debt_liabilities", "external debt liabilities", "对外债务负债"),
    gdp: variable("gdp", "GDP (USD)", "GDP（美元）"),
  },
  evaluate: (v, h) => h.div(v.debt_assets! + v.fx_reserves! - v.debt_liabilities!, v.gdp!, "GDP"),
  unit: "fraction",
  threshold: { en: "> 0 creditor-type, < 0 debtor-type exposure", zh: "> 0 债权型，< 0 债务型" },
  read: creditorDebtor,
  citation: PENG_XIE(
    "section 2.2 (two-sided measures, applied to the whole economy)",
    "第2.2节（双边指标，用于整体经济）",
  ),
  note: {
    en: "A proxy of the economy-wide net foreign-currency position: it treats external debt as foreign-currency debt, which overstates it for issuers of reserve currencies (the US, the euro area, Japan).",
    zh: "经济整体净外币头寸的近似：将外债视为外币债务，对储备货币发行国（美、欧元区、日）会高估。",
  },
};
