import { info, PENG_XIE, pos, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Long-term government securities as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = {
  id: "cb.long_term_government_securities_share",
  type: "maturity",
  level: "central-bank",
  name: { en: "Long-term government securities / total assets", zh: "长期政府债券占总资产比重" },
  formula: "part / total_assets",
  terms: {
    part: pos(
      { side: "asset", instrument: ["AF.3"], maturity: "long", counterparty: ["S.13"] },
      "long-term government securities held",
      "持有的长期政府债券",
    ),
    total_assets: TOTAL_ASSETS,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_assets!, "total assets"),
  unit: "fraction",
  threshold: {
    en: "long-term assets funded by short-term liabilities signal maturity mismatch (no numeric threshold in the study)",
    zh: "以短期负债支持长期资产即为期限错配（研究未给出数值门槛）",
  },
  read: info({ en: "Long-term government securities", zh: "长期政府债券占比" }),
  citation: PENG_XIE("Table 2 (Fed medium/long Treasuries 52.2%, BoJ long-term JGBs 63.2%, end-2013)"),
  maturityCoverage: 0.9,
  note: {
    en: "Government as issuer (S.13). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "发行人为政府（S.13）。需至少90%资产的期限已知，否则无法计算。",
  },
};
