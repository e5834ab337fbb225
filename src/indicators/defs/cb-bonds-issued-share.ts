import { info, PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Bonds issued, as a share of total liabilities (own capital included, as the PBoC's 总负债 is). */
export const def: IndicatorDef = {
  id: "cb.bonds_issued_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Bonds issued / total liabilities", zh: "发行债券占总负债比重" },
  formula: "part / total_liabilities",
  terms: {
    part: pos(
      { side: "liability", instrument: ["AF.3"] },
      "debt securities issued (AF.3, central-bank bills)",
      "发行债券（央行票据）",
    ),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: {
    en: "interest-bearing",
    zh: "付息负债",
  },
  read: info({ en: "Bonds issued", zh: "发行债券占比" }),
  citation: PENG_XIE(
    "section 4.3 and Figure 1 (grew 2004-2010, then shrank)",
    "第4.3节及图1（2004–2010年增长，此后收缩）",
  ),
  note: {
    en: "Central-bank bills; mostly one year or less.",
    zh: "央行票据，期限多在一年以内。",
  },
};
