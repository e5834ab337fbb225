import { PENG_XIE, pos, TOTAL_LIABILITIES } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Non-interest-bearing liabilities (currency issued, own capital) / total liabilities. */
export const def: IndicatorDef = {
  id: "cb.non_interest_bearing_share",
  type: "capital-structure",
  level: "central-bank",
  name: { en: "Non-interest-bearing liabilities / total liabilities", zh: "不付息负债占总负债比重" },
  formula: "non_interest_bearing / total_liabilities",
  terms: {
    non_interest_bearing: pos(
      { side: ["liability", "equity"], interestBearing: false },
      "non-interest-bearing liabilities and own capital",
      "不付息负债（货币发行、自有资金）",
    ),
    total_liabilities: TOTAL_LIABILITIES,
  },
  evaluate: (v, h) => h.div(v.non_interest_bearing!, v.total_liabilities!, "total liabilities"),
  unit: "fraction",
  threshold: {
    en: "< 50%: interest-bearing liabilities dominate, a capital-structure (cost) mismatch",
    zh: "< 50%：付息负债占主导，存在资本结构（成本）错配",
  },
  read: (v) =>
    v < 0.5
      ? {
          signal: "risk",
          text: {
            en: `${(v * 100).toFixed(1)}% < 50%: interest-bearing liabilities dominate`,
            zh: `${(v * 100).toFixed(1)}% < 50%：付息负债占主导`,
          },
        }
      : {
          signal: "ok",
          text: {
            en: `${(v * 100).toFixed(1)}%: mostly costless funding`,
            zh: `${(v * 100).toFixed(1)}%：以不付息负债为主`,
          },
        },
  citation: PENG_XIE(
    "section 2.3 (central-bank capital structure = cost structure of liabilities)",
    "第2.3节（央行资本结构即负债的成本结构）",
  ),
  note: {
    en: "Lines whose interest is unknown (other liabilities; the PBoC's deposits of non-financial institutions) are counted in neither share and listed in the note. The 50% cut-off is ours.",
    zh: "是否付息未知的项目（其他负债、非金融机构存款）不计入任何一方，并在说明中列出。50%分界为本项目设定。",
  },
};
