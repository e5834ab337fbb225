import { EHP, info, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** OSIN2 = max(INDEXA, OSIN3). */
export const def: IndicatorDef = {
  id: "country.osin2",
  type: "currency",
  level: "country",
  name: { en: "Original sin OSIN2", zh: "原罪指数 OSIN2" },
  formula: "max(sl_major / sl_total, max(1 - sec_all_in_currency_i / sec_total, 0))",
  terms: {
    sl_major: variable(
      "sl_major",
      "securities and cross-border loans of i in USD, EUR, JPY, GBP, CHF",
      "以五大货币计值的证券和跨境贷款",
    ),
    sl_total: variable("sl_total", "securities and cross-border loans of i", "证券和跨境贷款总额"),
    sec_all_in_currency_i: variable(
      "sec_all_in_currency_i",
      "all international securities in currency i",
      "以i国货币计值的全部国际债券",
    ),
    sec_total: variable("sec_total", "international debt securities issued by i", "本国发行的国际债券"),
  },
  evaluate: (v, h) =>
    Math.max(
      h.div(v.sl_major!, v.sl_total!, "securities and loans of i"),
      Math.max(1 - h.div(v.sec_all_in_currency_i!, v.sec_total!, "international debt securities of i"), 0),
    ),
  unit: "index",
  threshold: { en: "0 to 1; higher = more original sin", zh: "0至1；越高原罪越重" },
  read: info({ en: "OSIN2", zh: "OSIN2" }),
  citation: EHP(2003, "The Mystery of Original Sin", "《原罪之谜》"),
  note: {
    en: "INDEXA uses securities and loans; OSIN3 securities only [S]. Published group values could not be read, so only hand-computed vectors test it.",
    zh: "INDEXA含证券与贷款，OSIN3仅含证券。原文分组数值未能读取，仅以手算向量测试。",
  },
};
