import { aboveIsRisk, ALLEN_2002, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Non-financial corporate debt / equity. */
export const def: IndicatorDef = {
  id: "sector.debt_to_equity",
  type: "capital-structure",
  level: "sector",
  name: { en: "Non-financial corporate debt / equity", zh: "非金融企业债务/股本" },
  formula: "debt / equity",
  terms: {
    debt: variable(
      "nfc_debt",
      "non-financial corporate debt (AF.2, AF.3, AF.4, AF.6, AF.8 liabilities)",
      "非金融企业债务",
    ),
    equity: variable("nfc_equity", "non-financial corporate equity (AF.5 liabilities)", "非金融企业股本"),
  },
  evaluate: (v, h) => h.div(v.debt!, v.equity!, "equity"),
  unit: "ratio",
  threshold: { en: "> 1: capital-structure mismatch risk", zh: "> 1：资本结构错配风险" },
  read: aboveIsRisk(
    1,
    { en: "> 1: debt exceeds equity", zh: "> 1：债务超过股本" },
    { en: "<= 1: equity buffer covers debt", zh: "<= 1：股本缓冲覆盖债务" },
  ),
  citation: ALLEN_2002("capital-structure mismatch, non-financial firms", "资本结构错配，非金融企业"),
  note: {
    en: "Not meaningful for a central bank (the study measures its liability cost structure instead); no sector accounts are bundled.",
    zh: "对中央银行无意义（研究改用负债成本结构）；未随附部门账户数据。",
  },
};
