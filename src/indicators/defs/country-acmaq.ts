import { creditorDebtor, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** ACMAQ (Zhu Chao 2007/2008): aggregate currency mismatch, absolute quantity. */
export const def: IndicatorDef = {
  id: "country.acmaq",
  type: "currency",
  level: "country",
  name: { en: "Aggregate currency mismatch absolute quantity (ACMAQ)", zh: "综合货币错配绝对量（ACMAQ）" },
  formula: "fca - fcl + fcdclp - fcdcsp + ei - ie - nei",
  terms: {
    fca: variable("fca", "foreign-currency assets", "外币资产"),
    fcl: variable("fcl", "foreign-currency liabilities", "外币负债"),
    fcdclp: variable("fcdclp", "FC derivative contracts, long positions", "外币衍生合约多头"),
    fcdcsp: variable("fcdcsp", "FC derivative contracts, short positions", "外币衍生合约空头"),
    ei: variable("ei", "expected FC income (exports)", "预期外币收入"),
    ie: variable("ie", "FC import expenditure", "外币进口支出"),
    nei: variable("nei", "other net FC outflow", "其他外币净流出"),
  },
  evaluate: (v) => v.fca! - v.fcl! + v.fcdclp! - v.fcdcsp! + v.ei! - v.ie! - v.nei!,
  unit: "amount",
  threshold: {
    en: "larger = more serious mismatch; positive for a net FC creditor",
    zh: "越大错配越严重；净外币债权国为正",
  },
  read: creditorDebtor,
  citation: {
    author: "Zhu Chao",
    year: 2007,
    where: "Journal of Finance and Economics 2007 no. 9, pp. 112-123",
    via: "Peng and Xie (2014), Table 1",
    zh: { author: "朱超", where: "《财经研究》2007年第9期，第112–123页", via: "彭振江、谢云峰（2014）表1" },
  },
  note: {
    en: "Term meanings are inferred from the acronyms, not confirmed in the source [U]; derivative positions are hard to obtain (the seed says so).",
    zh: "各项含义据缩写推断，未经原文确认；衍生品头寸数据难以获得（研究亦如此说明）。",
  },
};
