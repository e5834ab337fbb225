import { info, ODC, of, PENG_XIE, pos } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/**
 * The central bank's share of the depository corporations' net foreign assets: its own NFA over
 * its NFA plus the other depository corporations' (S.122), read from both sheets at the same date.
 */
export const def: IndicatorDef = {
  id: "cb.nfa_share_of_depository_corporations",
  type: "currency",
  level: "central-bank",
  name: {
    en: "Central bank's share of depository corporations' net foreign assets",
    zh: "央行国外净资产占存款性公司国外净资产比重",
  },
  formula:
    "cb_nfa / (cb_nfa + odc_nfa), cb_nfa = cb_foreign_claims + cb_monetary_gold - cb_foreign_liabilities, odc_nfa = odc_foreign_assets - odc_foreign_liabilities",
  terms: {
    cb_foreign_claims: pos(
      { side: "asset", counterparty: ["S.2"] },
      "central bank claims on non-residents (foreign exchange, other foreign assets)",
      "央行对非居民债权（外汇、其他国外资产）",
    ),
    cb_monetary_gold: pos({ side: "asset", instrument: ["AF.11"] }, "central bank monetary gold", "货币黄金"),
    cb_foreign_liabilities: pos(
      { side: "liability", counterparty: ["S.2"] },
      "central bank foreign liabilities",
      "央行国外负债",
    ),
    odc_foreign_assets: of(
      ODC,
      pos(
        { side: "asset", counterparty: ["S.2"] },
        "other depository corporations' foreign assets",
        "其他存款性公司国外资产",
      ),
    ),
    odc_foreign_liabilities: of(
      ODC,
      pos(
        { side: "liability", counterparty: ["S.2"] },
        "other depository corporations' foreign liabilities",
        "其他存款性公司国外负债",
      ),
    ),
  },
  evaluate: (v, h) => {
    const cb = v.cb_foreign_claims! + v.cb_monetary_gold! - v.cb_foreign_liabilities!;
    const odc = v.odc_foreign_assets! - v.odc_foreign_liabilities!;
    return h.div(cb, cb + odc, "depository corporations' net foreign assets");
  },
  unit: "fraction",
  threshold: {
    en: "descriptive: the closer to 100%, the more the economy's currency mismatch sits with the central bank",
    zh: "描述性指标：越接近100%，一国货币错配越集中于央行",
  },
  read: info({ en: "central bank's share of net foreign assets", zh: "央行国外净资产占比" }),
  citation: PENG_XIE(
    "section 2.1, point 2 (PBoC 96.1% in 2013, the highest since 2002)",
    "第2.1节第2点（人民银行2013年为96.1%，2002年以来最高）",
  ),
  note: {
    en: "Net foreign assets as the PBoC's tables print them: 国外资产 (foreign exchange, monetary gold, other foreign assets) minus 国外负债, for the PBoC and for the other depository corporations (其他存款性公司资产负债表, S.122) at the same month; the study publishes no formula. Not computable where no S.122 sheet of the same economy is bundled (the PBoC's from 2006).",
    zh: "国外净资产按人民银行报表口径：国外资产（外汇、货币黄金、其他国外资产）减国外负债，人民银行与其他存款性公司（S.122）同月相加作分母；研究未给出公式。无同一经济体S.122报表时（人民银行2006年起有）不可计算。",
  },
};
