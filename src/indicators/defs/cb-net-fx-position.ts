import { creditorDebtor, FOREIGN_LIABILITIES, FX_ASSETS, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Net foreign-currency position of a central bank: FX assets minus foreign liabilities. */
export const def: IndicatorDef = {
  id: "cb.net_fx_position",
  type: "currency",
  level: "central-bank",
  name: { en: "Net foreign-currency position", zh: "净外币头寸" },
  formula: "fx_assets - foreign_liabilities",
  terms: {
    fx_assets: pos(FX_ASSETS, "foreign exchange (FC deposits and securities)", "外汇"),
    foreign_liabilities: pos(FOREIGN_LIABILITIES, "foreign-currency liabilities", "国外负债"),
  },
  evaluate: (v) => v.fx_assets! - v.foreign_liabilities!,
  unit: "amount",
  threshold: {
    en: "< 0: debtor-type mismatch (depreciation hurts); > 0: creditor-type (appreciation causes book losses)",
    zh: "< 0：债务型错配（贬值受损）；> 0：债权型错配（升值产生账面损失）",
  },
  read: creditorDebtor,
  citation: PENG_XIE(
    "section 2.2 (NFCP) and Table 2 (PBoC 26.2 trn yuan, end-2013)",
    "第2.2节（NFCP）及表2（人民银行26.2万亿元，2013年末）",
  ),
  note: {
    en: "The study's Table 2 figure (262,181.77 x 1e8 yuan) nets the foreign-exchange line only; monetary gold and other foreign assets are left out.",
    zh: "研究表2的数值（262,181.77亿元）仅以外汇减国外负债，不含货币黄金和其他国外资产。",
  },
};
