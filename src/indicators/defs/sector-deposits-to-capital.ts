import { aboveIsRisk, ALLEN_2002, ODC, of, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Private financial sector: deposits / capital, read from the depository corporations' sheet (S.122). */
export const def: IndicatorDef = {
  id: "sector.deposits_to_capital",
  type: "capital-structure",
  level: "sector",
  name: { en: "Bank deposits / capital", zh: "银行存款/资本" },
  formula: "deposits / capital",
  terms: {
    deposits: of(
      ODC,
      pos({ side: "liability", instrument: ["AF.2"] }, "deposits of the banking sector (AF.2)", "银行存款"),
    ),
    capital: of(ODC, pos({ side: "equity", instrument: ["AF.5"] }, "banks' capital (AF.5)", "银行资本")),
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
  citation: ALLEN_2002("capital-structure mismatch, private financial sector", "资本结构错配，私人金融部门"),
  note: {
    en: "Closely related to the capital/asset ratio; the seed's '> 1' threshold is almost always crossed by banks, so read it over time rather than against 1. Reads the other depository corporations' sheet (S.122) of the same economy, for a central bank too: deposit lines (AF.2) over equity lines (AF.5). For the PBoC's table that is the deposits of non-financial institutions and households over paid-in capital (实收资本); interbank and other-financial-corporation liabilities carry no instrument and are left out, and retained earnings sit in 其他负债, so capital is understated.",
    zh: "与资本/资产比率密切相关；银行几乎总高于1，宜作时间比较。读取同一经济体其他存款性公司（S.122）报表（对央行亦然）：存款类负债（AF.2）除以权益（AF.5）。人民银行该表即非金融机构及住户存款除以实收资本；对其他存款性公司及其他金融性公司负债未区分工具，不计入；留存收益列在“其他负债”，资本偏低。",
  },
};
