import { creditorDebtor, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** MISMATCH = OSIN * (reserves - external debt) / exports (Eichengreen, Hausmann and Panizza 2003). */
export const def: IndicatorDef = {
  id: "country.mismatch",
  type: "currency",
  level: "country",
  name: { en: "MISMATCH (EHP 2003)", zh: "货币错配指数 MISMATCH" },
  formula: "osin * (reserves - external_debt) / exports",
  terms: {
    osin: variable("osin", "original-sin index (OSIN3)", "原罪指数（OSIN3）"),
    reserves: variable("fx_reserves", "international reserves", "国际储备"),
    external_debt: variable("debt_liabilities", "external debt", "外债"),
    exports: variable("exports", "exports of goods and services", "出口"),
  },
  evaluate: (v, h) => v.osin! * h.div(v.reserves! - v.external_debt!, v.exports!, "exports"),
  unit: "index",
  threshold: { en: "signed: more negative = larger debtor-type mismatch", zh: "带符号：越负债务型错配越大" },
  read: creditorDebtor,
  citation: {
    author: "Eichengreen, Hausmann, Panizza",
    year: 2003,
    where: "NBER WP 10036",
    via: "Peng and Xie (2014), Table 1",
    zh: {
      author: "Eichengreen、Hausmann、Panizza",
      where: "NBER工作论文 10036",
      via: "彭振江、谢云峰（2014）表1",
    },
  },
  note: {
    en: "The seed says 'the larger, the more serious', which conflicts with the sign for net debtors; the raw signed value is reported. The OSIN variant (OSIN3 likely) is not pinned down.",
    zh: "研究称“数值越大错配越严重”，与净债务国的符号矛盾；此处报告带符号原值。所用OSIN变体（可能为OSIN3）未能确认。",
  },
};
