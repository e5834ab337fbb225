import { FOREIGN_LIABILITIES, info, PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Foreign-currency liabilities as a share of total liabilities. */
export const def: IndicatorDef = {
  id: "cb.fx_liabilities_share",
  type: "currency",
  level: "central-bank",
  name: { en: "FX liabilities / total liabilities", zh: "外币负债占总负债比重" },
  formula: "foreign_liabilities / total_liabilities",
  terms: {
    foreign_liabilities: pos(FOREIGN_LIABILITIES, "foreign-currency liabilities", "国外负债"),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.foreign_liabilities!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: { en: "read against the FX assets share", zh: "与外汇资产占比对照" },
  read: info({ en: "FX liabilities", zh: "外币负债占比" }),
  citation: PENG_XIE("Table 2 (Eurosystem 0.3%, end-2013)", "表2（欧元体系0.3%，2013年末）"),
};
