import { assetMaturityShare, info, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Longer-term refinancing as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = assetMaturityShare({
  id: "cb.longer_term_refinancing_share",
  name: { en: "Longer-term refinancing / total assets", zh: "长期再融资占总资产比重" },
  part: pos(
    { side: "asset", instrument: ["AF.4"], maturity: "long", counterparty: ["S.122"] },
    "longer-term lending to credit institutions",
    "对信贷机构的长期再融资",
  ),
  read: info({ en: "Longer-term refinancing", zh: "长期再融资占比" }),
  citation: PENG_XIE(
    "Table 2 (Eurosystem LTRO 25.5% of total assets, +20.1 pp on 2002)",
    "表2（欧元体系LTRO占总资产25.5%，较2002年上升20.1个百分点）",
  ),
  note: {
    en: "Lending to banks with maturity over one year at origin (the Eurosystem's LTROs of 3 months would be short under the SNA rule; the study reads them as longer-term, so a mapping of ECB data should mark them long). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "对银行一年以上的贷款（欧元体系3个月LTRO按SNA为短期，研究视为长期，映射欧央行数据时应标为长期）。需至少90%资产的期限已知，否则无法计算。",
  },
});
