import { assetMaturityShare, info, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Long-term securities as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = assetMaturityShare({
  id: "cb.long_term_securities_share",
  name: { en: "Long-term securities / total assets", zh: "长期证券占总资产比重" },
  part: pos(
    { side: "asset", instrument: ["AF.3"], maturity: "long" },
    "long-term debt securities held",
    "持有的长期债券",
  ),
  read: info({ en: "Long-term securities", zh: "长期证券占比" }),
  citation: PENG_XIE(
    "section 4.2, Table 2 (Fed medium/long Treasuries 52.2% and MBS 37.1%; BoJ long-term JGBs 63.2%)",
    "第4.2节、表2（美联储中长期国债52.2%、MBS 37.1%；日本银行长期国债63.2%）",
  ),
  note: {
    en: "All long-term securities held (government bonds and MBS). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "含政府长期债券与抵押贷款支持证券。需至少90%资产的期限已知，否则无法计算。",
  },
});
