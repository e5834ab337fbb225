import { aboveIsRisk, ALLEN_2002, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Private financial sector: deposits / capital. */
export const def: IndicatorDef = {
  id: "sector.deposits_to_capital",
  type: "capital-structure",
  level: "sector",
  name: { en: "Bank deposits / capital", zh: "银行存款/资本" },
  formula: "deposits / capital",
  terms: {
    deposits: variable("bank_deposits", "deposits of the banking sector", "银行存款"),
    capital: variable("bank_capital", "banks' capital", "银行资本"),
  },
  evaluate: (v, h) => h.div(v.deposits!, v.capital!, "capital"),
  unit: "ratio",
  threshold: {
    en: "> 1: capital-structure mismatch risk (as the seed states it)",
    zh: "> 1：资本结构错配风险（按研究表述）",
  },
  read: aboveIsRisk(
    1,
    { en: "> 1: deposits exceed capital", zh: "> 1：存款超过资本" },
    { en: "<= 1", zh: "<= 1" },
  ),
  citation: ALLEN_2002("capital-structure mismatch, private financial sector"),
  note: {
    en: "Closely related to the capital/asset ratio; the seed's '> 1' threshold is almost always crossed by banks, so read it over time rather than against 1. Needs the other depository corporations' balance sheet, which is not loaded as sheets.",
    zh: "与资本/资产比率密切相关；银行几乎总高于1，宜作时间比较。需其他存款性公司资产负债表，尚未载入。",
  },
};
