import { defineMessages } from "../i18n/define.ts";
import type { Text } from "../i18n/lang.ts";
import type { Citation } from "./types.ts";

/**
 * How an indicator's citation reads in each language (catalogue domain `citation`): author (year),
 * where, and "via" the text we read it in. The parts come from the definition (`citation.zh` is the
 * Chinese reader's own citation: Chinese authors and journals in Chinese, others as published).
 */
export const CITATION_MESSAGES = defineMessages({
  citation: {
    en: (author: string, year: number, where: string) => `${author} (${year}), ${where}`,
    zh: (author: string, year: number, where: string) => `${author}（${year}），${where}`,
  },
  via: {
    en: (citation: string, via: string) => `${citation}; via ${via}`,
    zh: (citation: string, via: string) => `${citation}；转引自${via}`,
  },
});

/**
 * A citation in both languages.
 * @example citationText(getIndicator("cb.fx_assets_share").citation).zh
 * // "彭振江、谢云峰（2014），《区域金融研究》2014年第10期，表2（…）"
 */
export function citationText(c: Citation): Text {
  const m = CITATION_MESSAGES;
  const en = m.citation.en(c.author, c.year, c.where);
  const zh = m.citation.zh(c.zh.author, c.year, c.zh.where);
  return {
    en: c.via ? m.via.en(en, c.via) : en,
    zh: c.zh.via ? m.via.zh(zh, c.zh.via) : zh,
  };
}
