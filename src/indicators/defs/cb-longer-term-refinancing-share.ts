import { info, PENG_XIE, pos, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Longer-term refinancing as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = {
  id: "cb.longer_term_refinancing_share",
  type: "maturity",
  level: "central-bank",
  name: { en: "Longer-term refinancing / total assets", zh: "长期再融资占总资产比重" },
  formula: "part / total_assets",
  terms: {
    part: pos(
      { side: "asset", instrument: ["AF.4"], maturity: "long", counterparty: ["S.122"] },
      "longer-term lending to credit institutions",
      "对信贷机构的长期再融资",
    ),
    total_assets: TOTAL_ASSETS,
  },
  evaluate: (v, h) => h.div(v.part!, v.total_assets!, "total assets"),
  unit: "fraction",
  threshold: {
    en: "long-term assets funded by short-term liabilities signal maturity mismatch (no numeric threshold in the study)",
    zh: "以短期负债支持长期资产即为期限错配（研究未给出数值门槛）",
  },
  read: info({ en: "Longer-term refinancing", zh: "长期再融资占比" }),
  citation: PENG_XIE("Table 2 (Eurosystem LTRO 25.5% of total assets, +20.1 pp on 2002)"),
  maturityCoverage: 0.9,
  note: {
    en: "Lending to banks with maturity over one year at origin (the Eurosystem's LTROs of 3 months would be short under the SNA rule; the study reads them as longer-term, so a mapping of ECB data should mark them long). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "对银行一年以上的贷款（欧元体系3个月LTRO按SNA为短期，研究视为长期，映射欧央行数据时应标为长期）。需至少90%资产的期限已知，否则无法计算。",
  },
};
