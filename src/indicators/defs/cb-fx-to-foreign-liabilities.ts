import { FOREIGN_LIABILITIES, FX_ASSETS, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Foreign exchange / foreign liabilities, the study's scale-free form of the net FX position. */
export const def: IndicatorDef = {
  id: "cb.fx_to_foreign_liabilities",
  type: "currency",
  level: "central-bank",
  name: { en: "Foreign exchange / foreign liabilities", zh: "外汇/国外负债" },
  formula: "fx_assets / foreign_liabilities",
  terms: {
    fx_assets: pos(FX_ASSETS, "foreign exchange (FC deposits and securities)", "外汇"),
    foreign_liabilities: pos(FOREIGN_LIABILITIES, "foreign-currency liabilities", "国外负债"),
  },
  evaluate: (v, h) => h.div(v.fx_assets!, v.foreign_liabilities!, "foreign-currency liabilities"),
  unit: "ratio",
  threshold: { en: "< 1: watch depreciation; > 1: watch appreciation", zh: "< 1：关注贬值；> 1：关注升值" },
  read: (v) =>
    v > 1
      ? {
          signal: v >= 10 ? "risk" : "watch",
          text: {
            en: `${v.toFixed(1)}x > 1: creditor side, watch appreciation`,
            zh: `${v.toFixed(1)}倍 > 1：债权方，关注本币升值`,
          },
        }
      : v < 1
        ? {
            signal: "risk",
            text: {
              en: `${v.toFixed(2)}x < 1: debtor side, watch depreciation`,
              zh: `${v.toFixed(2)}倍 < 1：债务方，关注本币贬值`,
            },
          }
        : { signal: "ok", text: { en: "= 1: matched", zh: "= 1：匹配" } },
  citation: PENG_XIE(
    "section 2.2 (FCAL) and Table 2 (PBoC 126.5x, end-2013)",
    "第2.2节（FCAL）及表2（人民银行126.5倍，2013年末）",
  ),
  note: {
    en: "Table 2 labels this ratio 'foreign exchange / foreign liabilities' while the text says 'FC assets / FC liabilities'; this id follows Table 2. cb.fc_assets_to_fc_liabilities gives the text's form (all foreign assets incl. gold and SDRs).",
    zh: "表2称“外汇/国外负债”，正文称“外币资产/外币负债”；本指标按表2。cb.fc_assets_to_fc_liabilities 为正文口径（含黄金、特别提款权）。",
  },
};
