import { assetMaturityShare, info, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Long-term government securities as a share of total assets: the study's asset-side maturity structure. */
export const def: IndicatorDef = assetMaturityShare({
  id: "cb.long_term_government_securities_share",
  name: { en: "Long-term government securities / total assets", zh: "长期政府债券占总资产比重" },
  part: pos(
    {
      side: "asset",
      instrument: ["AF.3"],
      maturity: "long",
      counterparty: ["S.13"],
      inflationIndexed: false,
    },
    "long-term nominal government securities held",
    "持有的长期名义政府债券",
  ),
  read: info({ en: "Long-term government securities", zh: "长期政府债券占比" }),
  citation: PENG_XIE(
    "Table 2 (Fed medium/long Treasuries 52.2%, BoJ long-term JGBs 63.2%, end-2013)",
    "表2（美联储中长期国债52.2%，日本银行长期国债63.2%，2013年末）",
  ),
  note: {
    en: "Government as issuer (S.13), nominal at face value as the study counts them (Fed: notes and bonds, nominal); inflation-indexed lines (TIPS and their inflation compensation) are left out, lines that do not say count as nominal. Needs the maturity of at least 90% of assets; otherwise not computable.",
    zh: "发行人为政府（S.13），按面值计的名义债券，与原文口径一致（美联储：名义中长期国债）；通胀挂钩债券（TIPS及其通胀补偿）不计入，未注明者视为名义债券。需至少90%资产的期限已知，否则无法计算。",
  },
});
