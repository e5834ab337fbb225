import { info, PENG_XIE, pos, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Main refinancing as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = {
  id: "cb.main_refinancing_share",
  type: "maturity",
  level: "central-bank",
  name: { en: "Main refinancing / total assets", zh: "主要再融资占总资产比重" },
  formula: "part / total_assets",
  terms: {
    part: pos(
      { side: "asset", instrument: ["AF.4"], maturity: "short", counterparty: ["S.122"] },
      "short-term lending to credit institutions",
      "对信贷机构的短期再融资",
    ),
    total_assets: TOTAL_ASSETS,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_assets!, "total assets"),
  unit: "fraction",
  threshold: {
    en: "long-term assets funded by short-term liabilities signal maturity mismatch (no numeric threshold in the study)",
    zh: "以短期负债支持长期资产即为期限错配（研究未给出数值门槛）",
  },
  read: info({ en: "Main refinancing", zh: "主要再融资占比" }),
  citation: PENG_XIE("Table 2 (Eurosystem MRO 5.8% of total assets, -17.2 pp on 2002)"),
  maturityCoverage: 0.9,
  note: {
    en: "Short-term lending to banks (main refinancing operations, repos). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "对银行的短期贷款（主要再融资操作、回购）。需至少90%资产的期限已知，否则无法计算。",
  },
};
