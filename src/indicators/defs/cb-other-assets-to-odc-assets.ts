import { info, ODC, of, PENG_XIE, pos, TOTAL_ASSETS } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Central-bank other assets (AF.8) / the other depository corporations' total assets. */
export const def: IndicatorDef = {
  id: "cb.other_assets_to_odc_assets",
  type: "capital-structure",
  level: "central-bank",
  name: {
    en: "Other assets / other depository corporations' total assets",
    zh: "其他资产占其他存款性公司总资产比重",
  },
  formula: "other_assets / odc_total_assets",
  terms: {
    other_assets: pos({ side: "asset", instrument: ["AF.8"] }, "other assets (AF.8)", "其他资产"),
    odc_total_assets: of(ODC, {
      ...TOTAL_ASSETS,
      label: { en: "other depository corporations' total assets", zh: "其他存款性公司总资产" },
    }),
  },
  evaluate: (v, h) =>
    h.div(v.other_assets!, v.odc_total_assets!, "other depository corporations' total assets"),
  unit: "fraction",
  threshold: {
    en: "descriptive: how much domestic-currency assets the central bank has to steer the banks with",
    zh: "描述性指标：央行可用于调控的人民币资产相对金融机构规模",
  },
  read: info({ en: "other assets / ODC total assets", zh: "其他资产/其他存款性公司总资产" }),
  citation: PENG_XIE(
    "section 3.4 (PBoC 0.50% in 2013; ODC total assets 44.1 trn yuan in 2006, 152.5 trn in 2013)",
    "第3.4节（人民银行2013年0.50%；其他存款性公司总资产2006年44.1万亿元，2013年152.5万亿元）",
  ),
  note: {
    en: "Enters no verdict; the study uses it to show how little domestic-currency assets the PBoC holds against the banking system. The denominator is the other depository corporations' (S.122) published total at the same month.",
    zh: "不参与判定；研究以此说明人民银行可用人民币资产相对金融机构规模“杯水车薪”。分母为同月其他存款性公司（S.122）公布的总资产。",
  },
};
