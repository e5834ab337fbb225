import { defineMessages } from "../i18n/define.ts";
import type { Text } from "../i18n/lang.ts";

/**
 * Fixed notes that readers attach to stored sheets (catalogue domain `notes`). The store keeps a
 * note's English text; {@link storedNoteText} gives it back in both languages for display.
 */
export const STORED_NOTES = defineMessages({
  fedTable1Only: {
    en: "partial: H.4.1 Table 1 (factors affecting reserve balances) lines only, as far as the stored page excerpt reached; no total assets printed",
    zh: "部分：仅有 H.4.1 表1（影响准备金余额的因素）中存档页面摘录所及的项目；未公布总资产",
  },
  fedSupplement: {
    en: "partial: Statistical Supplement table 1.18 asset side and total assets; of the liabilities only Federal Reserve notes (where the excerpt reached them) and Table 1 lines; capital not printed",
    zh: "部分：统计增刊表1.18的资产方及总资产；负债方仅有联邦储备券（摘录所及）和表1项目；未公布资本",
  },
  fedDdpStatement: {
    en: "full condition statement from the Board's Data Download Program (Reserve Bank table: total assets before eliminations from consolidation, a few hundred million above FRED WALCL)",
    zh: "来自美联储数据下载程序的完整资产负债表（储备银行表：总资产为合并抵销前数值，比 FRED WALCL 高数亿美元）",
  },
  fedDdpFactors: {
    en: "partial: H.4.1 Table 1 (factors affecting reserve balances) from the Board's Data Download Program; no condition statement, no total assets",
    zh: "部分：仅有美联储数据下载程序中的 H.4.1 表1（影响准备金余额的因素）；无资产负债表，未公布总资产",
  },
});

const BY_EN = new Map<string, Text>(Object.values(STORED_NOTES).map((t) => [t.en, t]));

/** A stored note in both languages: its translation when it is one of {@link STORED_NOTES}. */
export function storedNoteText(message: string): Text {
  return BY_EN.get(message) ?? { en: message, zh: message };
}
