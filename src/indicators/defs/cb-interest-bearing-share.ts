import { info, PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Interest-bearing liabilities (deposits, bonds, government and foreign liabilities) / total liabilities. */
export const def: IndicatorDef = {
  id: "cb.interest_bearing_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Interest-bearing liabilities / total liabilities", zh: "付息负债占总负债比重" },
  formula: "interest_bearing / total_liabilities",
  terms: {
    interest_bearing: pos(
      { side: ["liability", "equity"], interestBearing: true },
      "interest-bearing liabilities",
      "付息负债",
    ),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.interest_bearing!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: { en: "read against the non-interest-bearing share", zh: "与不付息负债占比对照" },
  read: info({ en: "interest-bearing liabilities", zh: "付息负债占比" }),
  citation: PENG_XIE("section 2.3", "第2.3节"),
  note: {
    en: "The study also counts 'other liabilities' as interest-bearing; their interest is unknown in the item map, so they are left out and listed.",
    zh: "研究将“其他负债”也计为付息负债；项目映射中其是否付息未知，故不计入并列出。",
  },
};
