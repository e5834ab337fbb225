import { creditorDebtor, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** AECM (Goldstein and Turner 2004): net FC assets scaled by exports or imports, times FC debt share. */
export const def: IndicatorDef = {
  id: "country.aecm",
  type: "currency",
  level: "country",
  name: { en: "Aggregate effective currency mismatch (AECM)", zh: "总有效货币错配（AECM）" },
  formula:
    "NFCA < 0: (nfca / exports) * (fc_debt / total_debt); NFCA > 0: (nfca / imports) * (fc_debt / total_debt)",
  terms: {
    nfca: variable("nfca", "net foreign-currency assets (economy-wide)", "净外币资产（全经济）"),
    exports: variable("exports", "exports of goods and services", "货物和服务出口"),
    imports: variable("imports", "imports of goods and services", "货物和服务进口"),
    fc_debt: variable("fc_debt", "foreign-currency debt", "外币债务"),
    total_debt: variable("total_debt", "total debt (domestic and external)", "债务总额（国内和国外）"),
  },
  evaluate: (v, h) => {
    const share = h.div(v.fc_debt!, v.total_debt!, "total debt");
    if (v.nfca! < 0) return h.div(v.nfca!, v.exports!, "exports") * share;
    return h.div(v.nfca!, v.imports!, "imports") * share;
  },
  unit: "index",
  threshold: {
    en: "> 0 creditor-type, < 0 debtor-type; larger |AECM| = more mismatch",
    zh: "> 0 债权型，< 0 债务型；绝对值越大错配越严重",
  },
  read: creditorDebtor,
  citation: {
    author: "Goldstein, Turner",
    year: 2004,
    where: "Controlling Currency Mismatches in Emerging Markets, IIE, ch. 2",
    via: "Peng and Xie (2014), Table 1",
    zh: {
      author: "Goldstein、Turner",
      where: "《货币错配：新兴市场国家的困境与对策》，IIE，第2章",
      via: "彭振江、谢云峰（2014）表1",
    },
  },
  note: {
    en: "Form recalled, consistent with the seed's components [U]; no published AECM value could be read. NFCA is economy-wide; not computable from the bundled data.",
    zh: "公式为回忆所得，与研究列出的组成一致（待核实）；未能读取已发表的AECM数值。所附数据无法计算。",
  },
};
