import { EHP, info, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** OSIN1 = 1 - own-currency international securities of i / all international securities of i. */
export const def: IndicatorDef = {
  id: "country.osin1",
  type: "currency",
  level: "country",
  name: { en: "Original sin OSIN1", zh: "原罪指数 OSIN1" },
  formula: "1 - sec_own_currency / sec_total",
  terms: {
    sec_own_currency: variable(
      "sec_own_currency",
      "international debt securities of i in its own currency",
      "本国以本币发行的国际债券",
    ),
    sec_total: variable("sec_total", "international debt securities issued by i", "本国发行的国际债券"),
  },
  evaluate: (v, h) => 1 - h.div(v.sec_own_currency!, v.sec_total!, "international debt securities of i"),
  unit: "index",
  threshold: { en: "0 to 1; higher = more original sin (more mismatch)", zh: "0至1；越高原罪越重" },
  read: info({ en: "OSIN1", zh: "OSIN1" }),
  citation: EHP(
    2003,
    "The Mystery of Original Sin; Other People's Money (2005)",
    "《原罪之谜》；《他人的钱》（2005）",
  ),
  note: {
    en: "Needs BIS international debt securities by currency and issuer, which are not bundled: not computable from the bundled data.",
    zh: "需BIS按币种和发行人划分的国际债券数据，未随附，故无法计算。",
  },
};
