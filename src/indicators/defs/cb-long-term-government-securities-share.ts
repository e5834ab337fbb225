import { assetMaturityShare, info, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Long-term government securities as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = assetMaturityShare({
  id: "cb.long_term_government_securities_share",
  name: { en: "Long-term government securities / total assets", zh: "长期政府债券占总资产比重" },
  part: pos(
    { side: "asset", instrument: ["AF.3"], maturity: "long", counterparty: ["S.13"] },
    "long-term government securities held",
    "持有的长期政府债券",
  ),
  read: info({ en: "Long-term government securities", zh: "长期政府债券占比" }),
  citation: PENG_XIE("Table 2 (Fed medium/long Treasuries 52.2%, BoJ long-term JGBs 63.2%, end-2013)"),
  note: {
    en: "Government as issuer (S.13). Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "发行人为政府（S.13）。需至少90%资产的期限已知，否则无法计算。",
  },
});
