import { FOREIGN_LIABILITIES, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** All foreign-currency assets (incl. gold and SDR positions) / foreign-currency liabilities (FCAL). */
export const def: IndicatorDef = {
  id: "cb.fc_assets_to_fc_liabilities",
  type: "currency",
  level: "central-bank",
  name: { en: "FC assets / FC liabilities (FCAL)", zh: "外币资产/外币负债" },
  formula: "foreign_assets / foreign_liabilities",
  terms: {
    foreign_assets: pos({ side: "asset", foreign: true }, "all foreign-currency assets", "国外资产"),
    foreign_liabilities: pos(FOREIGN_LIABILITIES, "foreign-currency liabilities", "国外负债"),
  },
  evaluate: (v, h) => h.div(v.foreign_assets!, v.foreign_liabilities!, "foreign-currency liabilities"),
  unit: "ratio",
  threshold: { en: "< 1: watch depreciation; > 1: watch appreciation", zh: "< 1：关注贬值；> 1：关注升值" },
  read: (v) =>
    v > 1
      ? { signal: "watch", text: { en: "> 1: watch appreciation", zh: "> 1：关注本币升值" } }
      : { signal: v < 1 ? "risk" : "ok", text: { en: "<= 1: watch depreciation", zh: "<= 1：关注本币贬值" } },
  citation: PENG_XIE(
    "section 2.2 (FCAL; Eurosystem 35x, end-2013)",
    "第2.2节（FCAL；欧元体系35倍，2013年末）",
  ),
  note: {
    en: "Undefined when a sheet has no foreign-currency liability line (the BoJ's case; the study then uses FX assets / total assets).",
    zh: "无外币负债项目时无定义（日本银行即如此，研究改用外汇资产占总资产比重）。",
  },
};
