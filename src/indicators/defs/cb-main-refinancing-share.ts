import { assetMaturityShare, info, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Main refinancing as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = assetMaturityShare({
  id: "cb.main_refinancing_share",
  name: { en: "Main refinancing / total assets", zh: "主要再融资占总资产比重" },
  part: pos(
    { side: "asset", instrument: ["AF.4"], maturity: "short", counterparty: ["S.122"] },
    "short-term lending to credit institutions",
    "对信贷机构的短期再融资",
  ),
  read: info({ en: "Main refinancing", zh: "主要再融资占比" }),
  citation: PENG_XIE(
    "Table 2 (Eurosystem MRO 5.8% of total assets, -17.2 pp on 2002)",
    "表2（欧元体系MRO占总资产5.8%，较2002年下降17.2个百分点）",
  ),
  note: {
    en: "Short-term lending to banks (main refinancing operations, repos). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "对银行的短期贷款（主要再融资操作、回购）。需至少90%资产的期限已知，否则无法计算。",
  },
});
