import { EHP, info, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** OSIN3 = max(1 - INDEXB, 0). */
export const def: IndicatorDef = {
  id: "country.osin3",
  type: "currency",
  level: "country",
  name: { en: "Original sin OSIN3", zh: "原罪指数 OSIN3" },
  formula: "max(1 - sec_all_in_currency_i / sec_total, 0)",
  terms: {
    sec_all_in_currency_i: variable(
      "sec_all_in_currency_i",
      "all international securities in currency i",
      "以i国货币计值的全部国际债券",
    ),
    sec_total: variable("sec_total", "international debt securities issued by i", "本国发行的国际债券"),
  },
  evaluate: (v, h) =>
    Math.max(1 - h.div(v.sec_all_in_currency_i!, v.sec_total!, "international debt securities of i"), 0),
  unit: "index",
  threshold: { en: "0 to 1; higher = more original sin", zh: "0至1；越高原罪越重" },
  read: info({ en: "OSIN3", zh: "OSIN3" }),
  citation: EHP(2003, "The Mystery of Original Sin", "《原罪之谜》"),
  note: {
    en: "Truncated at 0 because foreigners' issues in currency i can exceed i's own issues (financial centres).",
    zh: "外国人以i国货币发行的债券可能超过i国自身发行额（金融中心），故截断于0。",
  },
};
