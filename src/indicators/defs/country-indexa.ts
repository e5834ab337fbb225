import { EHP, info, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** INDEXA = securities and loans of i in the five major currencies / all securities and loans of i. */
export const def: IndicatorDef = {
  id: "country.indexa",
  type: "currency",
  level: "country",
  name: { en: "Original sin INDEXA", zh: "原罪指数 INDEXA" },
  formula: "sl_major / sl_total",
  terms: {
    sl_major: variable(
      "sl_major",
      "securities and cross-border loans of i in USD, EUR, JPY, GBP, CHF",
      "以五大货币计值的证券和跨境贷款",
    ),
    sl_total: variable("sl_total", "securities and cross-border loans of i", "证券和跨境贷款总额"),
  },
  evaluate: (v, h) => h.div(v.sl_major!, v.sl_total!, "securities and loans of i"),
  unit: "index",
  threshold: { en: "0 to 1; higher = more original sin", zh: "0至1；越高原罪越重" },
  read: info({ en: "INDEXA", zh: "INDEXA" }),
  citation: EHP(2003, "The Mystery of Original Sin", "《原罪之谜》"),
  note: {
    en: "The seed's Table 1 denominator reads 'all international bonds issued by i' (garbled); the published form uses securities and loans in both parts [U]. For a major-currency issuer its own currency counts in the numerator.",
    zh: "研究表1分母为“i国发行的全部国际债券”（疑有误）；原文分子分母均含证券与贷款（待核实）。",
  },
};
