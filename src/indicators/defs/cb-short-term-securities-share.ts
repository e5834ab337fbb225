import { assetMaturityShare, info, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Short-term securities as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = assetMaturityShare({
  id: "cb.short_term_securities_share",
  name: { en: "Short-term securities / total assets", zh: "短期证券占总资产比重" },
  part: pos(
    { side: "asset", instrument: ["AF.3"], maturity: "short" },
    "short-term securities held (bills)",
    "持有的短期证券（国库券）",
  ),
  read: info({ en: "Short-term securities", zh: "短期证券占比" }),
  citation: PENG_XIE("section 4.2 (Fed bills all sold by 2013)", "第4.2节（美联储至2013年已售出全部国库券）"),
  note: {
    en: "Bills and other securities of one year or less. Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "一年及以内的国库券等证券。需至少90%资产的期限已知，否则无法计算。",
  },
});
