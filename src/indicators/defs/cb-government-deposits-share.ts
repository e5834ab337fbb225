import { info, PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Government deposits, as a share of total liabilities (own capital included, as the PBoC's 总负债 is). */
export const def: IndicatorDef = {
  id: "cb.government_deposits_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Government deposits / total liabilities", zh: "政府存款占总负债比重" },
  formula: "part / total_liabilities",
  terms: {
    part: pos(
      { side: "liability", instrument: ["AF.2"], counterparty: ["S.13"] },
      "deposits of general government (AF.2, S.13)",
      "政府存款",
    ),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: {
    en: "interest-bearing in the study's reading",
    zh: "研究视为付息负债",
  },
  read: info({ en: "Government deposits", zh: "政府存款占比" }),
  citation: PENG_XIE("section 4.3 (PBoC about 9.0% since 2011)", "第4.3节（人民银行2011年以来约9.0%）"),
  note: {
    en: "The PBoC's interest on treasury deposits is marked [U] in the item map; the study counts them as interest-bearing.",
    zh: "人民银行对国库存款是否付息在项目映射中标为待核实；研究将其计为付息负债。",
  },
};
