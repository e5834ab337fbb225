import { info, PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Deposits of financial corporations, as a share of total liabilities (own capital included, as the PBoC's 总负债 is). */
export const def: IndicatorDef = {
  id: "cb.financial_deposits_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Deposits of financial corporations / total liabilities", zh: "金融性公司存款占总负债比重" },
  formula: "part / total_liabilities",
  terms: {
    part: pos(
      { side: "liability", instrument: ["AF.22"], counterparty: ["S.12"] },
      "transferable deposits of financial corporations (AF.22, S.12)",
      "金融性公司存款（计入储备货币）",
    ),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: {
    en: "interest-bearing; a capital-structure mismatch when it dominates currency issued",
    zh: "付息负债；远超货币发行时为资本结构错配",
  },
  read: info({ en: "Deposits of financial corporations", zh: "金融性公司存款占比" }),
  citation: PENG_XIE(
    "section 4.3, Table 2 (PBoC 64.9%, Fed 65.0% deposits of depository institutions, BoJ 47.8% current deposits, Eurosystem 19.4%)",
    "第4.3节、表2（人民银行64.9%，美联储存款性机构存款65.0%，日本银行活期存款47.8%，欧元体系19.4%）",
  ),
  note: {
    en: "Transferable deposits only (reserve-money deposits, reserve balances): the PBoC's deposits excluded from reserve money (AF.29) are left out, which reproduces the study's 64.9%.",
    zh: "仅计可转让存款（计入储备货币的存款、准备金余额）；不计入储备货币的金融性公司存款（AF.29）不计，由此复现研究的64.9%。",
  },
};
