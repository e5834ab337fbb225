import { EHP, info, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** INDEXB (raw ratio) = international securities in currency i, whoever issued them / securities of i. */
export const def: IndicatorDef = {
  id: "country.indexb",
  type: "currency",
  level: "country",
  name: { en: "INDEXB (raw ratio, may exceed 1)", zh: "INDEXB（原始比率，可大于1）" },
  formula: "sec_all_in_currency_i / sec_total",
  terms: {
    sec_all_in_currency_i: variable(
      "sec_all_in_currency_i",
      "all international securities in currency i",
      "以i国货币计值的全部国际债券",
    ),
    sec_total: variable("sec_total", "international debt securities issued by i", "本国发行的国际债券"),
  },
  evaluate: (v, h) => h.div(v.sec_all_in_currency_i!, v.sec_total!, "international debt securities of i"),
  unit: "ratio",
  threshold: {
    en: "> 1 for financial centres; OSIN3 = max(1 - INDEXB, 0)",
    zh: "金融中心可大于1；OSIN3 = max(1 - INDEXB, 0)",
  },
  read: info({ en: "INDEXB", zh: "INDEXB" }),
  citation: EHP(2003, "The Mystery of Original Sin", "《原罪之谜》"),
  note: {
    en: "Sometimes written already as 1 - ratio; this id is the raw ratio, OSIN3 is the same either way.",
    zh: "有文献直接写作1减该比率；此处为原始比率，OSIN3不受影响。",
  },
};
