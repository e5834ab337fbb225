import type { Unit } from "../model/units.ts";
import type { Lang } from "./model.ts";

/**
 * Number formatting for reports, per language. Written by hand rather than with `toLocaleString` so
 * the output does not depend on the ICU data of the machine (reports are byte-for-byte reproducible).
 */

/** Digits grouped by thousands: 262181.77 -> "262,181.77". */
export function grouped(value: number, digits = 2): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [int, frac] = fixed.split(".");
  const withCommas = (int ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${withCommas}${frac ? `.${frac}` : ""}`;
}

/** A fraction as a percentage: 0.205 -> "20.5%". */
export function percent(value: number, digits = 1): string {
  const v = (value * 100).toFixed(digits);
  return `${v === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : v}%`;
}

/** A ratio in times: 126.55 -> "126.5x" / "126.5倍". */
export function times(value: number, lang: Lang, digits = 1): string {
  const v = grouped(value, digits);
  return lang === "zh" ? `${v}倍` : `${v}x`;
}

const CURRENCY_WORD: Record<string, { en: string; zh: string }> = {
  CNY: { en: "yuan", zh: "元" },
  USD: { en: "USD", zh: "美元" },
  JPY: { en: "yen", zh: "日元" },
  EUR: { en: "EUR", zh: "欧元" },
};

/**
 * An amount in a sheet's unit, scaled to words as the study prints it: 262,181.77 (CNY 1e8) ->
 * "26.2 trn yuan" / "26.2万亿元". One decimal, as the study's Table 2.
 */
export function scaledAmount(value: number, unit: Unit, lang: Lang, digits = 1): string {
  const base = value * 10 ** unit.scale;
  const abs = Math.abs(base);
  const word = CURRENCY_WORD[unit.currency] ?? { en: unit.currency, zh: unit.currency };
  if (lang === "zh") {
    const [div, name] =
      abs >= 1e12 ? [1e12, "万亿"] : abs >= 1e8 ? [1e8, "亿"] : abs >= 1e4 ? [1e4, "万"] : [1, ""];
    return `${grouped(base / div, digits)}${name}${word.zh}`;
  }
  const [div, name] =
    abs >= 1e12 ? [1e12, " trn"] : abs >= 1e9 ? [1e9, " bn"] : abs >= 1e6 ? [1e6, " mn"] : [1, ""];
  return `${grouped(base / div, digits)}${name} ${word.en}`;
}

/** A period as printed: "2013-12" in English, "2013年12月" in Chinese. */
export function periodLabel(date: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (lang === "zh") return `${y}年${mo ? `${Number(mo)}月` : ""}${d ? `${Number(d)}日` : ""}`;
  return date;
}
