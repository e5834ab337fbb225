import { info, PENG_XIE, pos, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Other assets (other accounts receivable, AF.8) / total assets. */
export const def: IndicatorDef = {
  id: "cb.other_assets_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Other assets / total assets", zh: "其他资产占总资产比重" },
  formula: "other_assets / total_assets",
  terms: {
    other_assets: pos({ side: "asset", instrument: ["AF.8"] }, "other assets (AF.8)", "其他资产"),
    total_assets: TOTAL_ASSETS,
  },
  evaluate: (v, h) => h.div(v.other_assets!, v.total_assets!, "total assets"),
  unit: "fraction",
  threshold: { en: "descriptive (the study reports its fall)", zh: "描述性指标（研究报告其下降）" },
  read: info({ en: "other assets", zh: "其他资产占比" }),
  citation: PENG_XIE(
    "section 3 (PBoC 8.9% in 2006, 2.4% in 2013)",
    "第3节（人民银行2006年8.9%，2013年2.4%）",
  ),
  note: {
    en: "Enters no verdict; reported because the study tracks it.",
    zh: "不参与判定；因研究跟踪此项而列出。",
  },
};
