import type { Lang } from "./state.ts";

/** The unit of a value as the server sends it: ISO currency and power of ten. */
export interface Unit {
  currency: string;
  scale: number;
}

const locale = (lang: Lang) => (lang === "zh" ? "zh-CN" : "en-US");

/** 264270.04 -> "264,270.04" (two decimals, grouped). */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return value.toLocaleString(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 0.2048 -> "20.5%". */
export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${(value * 100).toLocaleString(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

const ZH_CURRENCY: Record<string, string> = { CNY: "元", USD: "美元", EUR: "欧元", JPY: "日元" };
const ZH_SCALE: Record<number, string> = { 0: "", 4: "万", 6: "百万", 8: "亿", 9: "十亿", 12: "万亿" };
const EN_SCALE: Record<number, string> = { 0: "", 3: "thousand", 6: "mn", 8: "100 mn", 9: "bn", 12: "trn" };

/** The label of a unit: 亿元 / CNY 100 mn, 十亿美元 / USD bn. */
export function unitText(unit: Unit, lang: Lang): string {
  if (lang === "zh" && ZH_CURRENCY[unit.currency] && ZH_SCALE[unit.scale] !== undefined)
    return `${ZH_SCALE[unit.scale]}${ZH_CURRENCY[unit.currency]}`;
  const scale = EN_SCALE[unit.scale] ?? `1e${unit.scale}`;
  return scale ? `${unit.currency} ${scale}` : unit.currency;
}

/**
 * A headline amount in a readable unit: 264,270.04 亿元 -> "26.43 万亿元" / "CNY 26.43 trn";
 * USD values in billions -> "USD 1,234.5 bn" / "12,345 亿美元".
 */
export function formatAmount(value: number, unit: Unit, lang: Lang): string {
  const base = value * 10 ** unit.scale;
  if (lang === "zh") {
    const cur = ZH_CURRENCY[unit.currency] ?? ` ${unit.currency}`;
    if (Math.abs(base) >= 1e12) return `${formatNumber(base / 1e12, lang)} 万亿${cur}`;
    return `${formatNumber(base / 1e8, lang)} 亿${cur}`;
  }
  if (Math.abs(base) >= 1e12) return `${unit.currency} ${formatNumber(base / 1e12, lang)} trn`;
  return `${unit.currency} ${formatNumber(base / 1e9, lang, 1)} bn`;
}
