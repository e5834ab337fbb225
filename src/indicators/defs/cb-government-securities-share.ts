import { info, PENG_XIE, pos, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Government securities held (any maturity) / total assets: what FRED's TREAST / WALCL allows. */
export const def: IndicatorDef = {
  id: "cb.government_securities_share",
  type: "maturity",
  level: "central-bank",
  name: { en: "Government securities / total assets", zh: "政府债券占总资产比重" },
  formula: "government_securities / total_assets",
  terms: {
    government_securities: pos(
      { side: "asset", instrument: ["AF.3"], counterparty: ["S.13"] },
      "government securities held",
      "持有的政府债券",
    ),
    total_assets: TOTAL_ASSETS,
  },
  evaluate: (v, h) => h.div(v.government_securities!, v.total_assets!, "total assets"),
  unit: "fraction",
  threshold: {
    en: "descriptive: an upper bound of the long-term government securities share",
    zh: "描述性：长期政府债券占比的上限",
  },
  read: info({ en: "government securities", zh: "政府债券占比" }),
  citation: PENG_XIE(
    "section 4.2 (Fed Treasuries, BoJ JGBs)",
    "第4.2节（美联储持有的美国国债，日本银行持有的日本国债）",
  ),
  note: {
    en: "All maturities: where bills are zero (the Fed from 2013) it equals the long-term government securities share. For the PBoC it reads claims on government (special treasury bonds).",
    zh: "不分期限：国库券为零时（美联储2013年后）等于长期政府债券占比。人民银行为对政府债权（特别国债）。",
  },
};
