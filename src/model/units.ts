import { ModelError } from "../errors.ts";

/**
 * The unit of a balance sheet or series value: a currency (ISO 4217) or a non-monetary unit, times a
 * power of ten. 亿元 is { currency: "CNY", scale: 8 }; "USD millions" is { currency: "USD", scale: 6 }.
 */
export interface Unit {
  currency: string;
  scale: number;
}

const SCALE_NAMES: Record<number, { en: string; zh: string }> = {
  0: { en: "", zh: "" },
  3: { en: "thousands", zh: "千" },
  4: { en: "ten thousands", zh: "万" },
  6: { en: "millions", zh: "百万" },
  8: { en: "hundred millions", zh: "亿" },
  9: { en: "billions", zh: "十亿" },
  12: { en: "trillions", zh: "万亿" },
};

const CURRENCY_ZH: Readonly<Record<string, string>> = {
  CNY: "元",
  USD: "美元",
  EUR: "欧元",
  JPY: "日元",
  GBP: "英镑",
};

/** "CNY hundred millions (1e8)" / "亿元": the unit label printed next to every value. */
export function unitLabel(unit: Unit, lang: "en" | "zh" = "en"): string {
  const name = SCALE_NAMES[unit.scale];
  if (lang === "zh" && name && CURRENCY_ZH[unit.currency]) return `${name.zh}${CURRENCY_ZH[unit.currency]}`;
  if (unit.scale === 0) return unit.currency;
  return `${unit.currency} ${name?.en ?? ""} (1e${unit.scale})`.replace("  ", " ");
}

/** Parses a publisher's scale word ("亿元", "millions", "UNIT_MULT=6") into a power of ten. */
export function parseScale(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t.includes("万亿") || t.includes("兆") || t.includes("trillion")) return 12;
  if (t.includes("亿") || t.includes("hundred million")) return 8;
  if (t.includes("万")) return 4;
  if (t.includes("billion")) return 9;
  if (t.includes("million")) return 6;
  if (t.includes("thousand")) return 3;
  if (t === "" || t === "units" || t === "1" || t === "元" || t === "yuan") return 0;
  return undefined;
}

/** Throws when two units differ: bslab never adds values in different units silently. */
export function assertSameUnit(a: Unit, b: Unit, what: string): void {
  if (a.currency !== b.currency || a.scale !== b.scale) {
    throw new ModelError(`mixed units in ${what}: ${unitLabel(a)} and ${unitLabel(b)}; convert one first`);
  }
}
