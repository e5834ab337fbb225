import { info, PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Currency issued, as a share of total liabilities (own capital included, as the PBoC's 总负债 is). */
export const def: IndicatorDef = {
  id: "cb.currency_issued_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Currency issued / total liabilities", zh: "货币发行占总负债比重" },
  formula: "part / total_liabilities",
  terms: {
    part: pos({ side: "liability", instrument: ["AF.21"] }, "currency issued (AF.21)", "货币发行"),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: {
    en: "non-interest-bearing: the larger, the cheaper the liabilities; a mismatch when interest-bearing deposits dominate it",
    zh: "不付息负债：占比越高负债成本越低；付息存款远超货币发行即为资本结构错配",
  },
  read: info({ en: "Currency issued", zh: "货币发行占比" }),
  citation: PENG_XIE(
    "section 4.3, Table 2 (PBoC 20.5%, Fed 29.6%, BoJ 40.2%, Eurosystem 41.9%, end-2013)",
    "第4.3节、表2（人民银行20.5%，美联储29.6%，日本银行40.2%，欧元体系41.9%，2013年末）",
  ),
  note: {
    en: "Currency is read as AF.21 on the liability side; a FRED currency-in-circulation series (coin and Treasury currency included) stands in when no itemised statement exists, and the note says so.",
    zh: "按负债方AF.21（通货）读取；无分项报表时以FRED流通中货币代替（含硬币和财政部货币），并在说明中注明。",
  },
};
