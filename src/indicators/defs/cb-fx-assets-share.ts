import { FX_ASSETS, PENG_XIE, pos, shareLevels, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Foreign exchange as a share of total assets. */
export const def: IndicatorDef = {
  id: "cb.fx_assets_share",
  type: "currency",
  level: "central-bank",
  name: { en: "FX assets / total assets", zh: "外汇资产占总资产比重" },
  formula: "fx_assets / total_assets",
  terms: {
    fx_assets: pos(FX_ASSETS, "foreign exchange (FC deposits and securities)", "外汇"),
    total_assets: TOTAL_ASSETS,
  },
  evaluate: (v, h) => h.div(v.fx_assets!, v.total_assets!, "total assets"),
  unit: "fraction",
  threshold: {
    en: ">= 50%: severe exposure to exchange-rate moves; >= 1%: notable; below: negligible",
    zh: ">= 50%：汇率风险敞口严重；>= 1%：值得关注；以下：可忽略",
  },
  read: shareLevels(0.01, 0.5, { en: "FX assets", zh: "外汇资产占比" }),
  citation: PENG_XIE(
    "Table 2 (PBoC 83.3%, BoJ 2.4%, Eurosystem 11.8%, end-2013)",
    "表2（人民银行83.3%，日本银行2.4%，欧元体系11.8%，2013年末）",
  ),
  note: {
    en: "The 1% and 50% cut-offs are ours, set so the study's qualitative verdicts follow (Fed 23.8 bn USD ignored; PBoC severe); the study gives no number.",
    zh: "1%与50%的分界为本项目设定，使研究的定性结论（美联储可忽略、人民银行严重）得以复现；研究未给出数值门槛。",
  },
};
