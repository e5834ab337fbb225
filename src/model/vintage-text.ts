import { defineMessages } from "../i18n/define.ts";
import type { Text } from "../i18n/lang.ts";

/**
 * Vintage labels in both languages (catalogue domain `vintage`). The store keeps a vintage as its
 * reader wrote it ("2026 (last quarter 2025-Q4)"); {@link vintageText} reads the known shapes back
 * so a Chinese page says 最后一季 rather than the English words. Other labels are ids or dates.
 */
export const VINTAGE_MESSAGES = defineMessages({
  lastQuarter: {
    en: (year: string, quarter: string) => `${year} (last quarter ${quarter})`,
    zh: (year: string, quarter: string) => `${year}（最后一季 ${quarter}）`,
  },
  lastMonth: {
    en: (year: string, month: string) => `${year} (last month ${month})`,
    zh: (year: string, month: string) => `${year}（最后一月 ${month}）`,
  },
  bisDownload: {
    en: (rest: string) => `BIS download of ${rest}`,
    zh: (rest: string) => `BIS ${rest} 下载`,
  },
});

const LAST_QUARTER = /^(.*?) ?\(last quarter ([^)]+)\)$/;
const LAST_MONTH = /^(.*?) ?\(last month ([^)]+)\)$/;
const BIS_DOWNLOAD = /^BIS download of (.+)$/;

/** A stored vintage label in both languages (as it is when it has no words). */
export function vintageText(vintage: string): Text {
  const bis = BIS_DOWNLOAD.exec(vintage);
  if (bis) {
    const rest = vintageText(bis[1]!);
    return {
      en: VINTAGE_MESSAGES.bisDownload.en(rest.en),
      zh: VINTAGE_MESSAGES.bisDownload.zh(rest.zh),
    };
  }
  const month = LAST_MONTH.exec(vintage);
  if (month)
    return {
      en: VINTAGE_MESSAGES.lastMonth.en(month[1]!, month[2]!),
      zh: VINTAGE_MESSAGES.lastMonth.zh(month[1]!, month[2]!),
    };
  const m = LAST_QUARTER.exec(vintage);
  if (!m) return { en: vintage, zh: vintage };
  return {
    en: VINTAGE_MESSAGES.lastQuarter.en(m[1]!, m[2]!),
    zh: VINTAGE_MESSAGES.lastQuarter.zh(m[1]!, m[2]!),
  };
}
