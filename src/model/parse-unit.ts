import { parseScale, type Unit } from "./units.ts";

const CURRENCY_WORDS = new Map([
  ["元", "CNY"],
  ["人民币", "CNY"],
  ["美元", "USD"],
  ["欧元", "EUR"],
  ["日元", "JPY"],
  ["円", "JPY"],
]);

/**
 * Reads a unit as people write it: `CNY 1e8`, `亿元`, `100 million yuan`, `USD millions`,
 * `EUR mn`, `JPY 1e8`, `USD`. Returns undefined when the text names no currency or an unknown scale,
 * so the caller can report the cell.
 * @example parseUnit("亿元") // { currency: "CNY", scale: 8 }
 */
export function parseUnit(text: string): Unit | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const zh = /^(万亿|亿|万|百万|千)?(元|人民币|美元|欧元|日元|円)$/.exec(t);
  if (zh) {
    const scale = zh[1] ? parseScale(zh[1]) : 0;
    return scale === undefined ? undefined : { currency: CURRENCY_WORDS.get(zh[2]!)!, scale };
  }
  if (/^100 million (yuan|rmb)$/i.test(t)) return { currency: "CNY", scale: 8 };
  const m =
    /^([A-Z]{3})(?:\s*(?:x\s*)?(1e\d+|thousands?|millions?|mn|billions?|bn|trillions?|hundred millions?))?$/i.exec(
      t,
    );
  if (!m) return undefined;
  const word = (m[2] ?? "").toLowerCase();
  let scale: number | undefined;
  if (word === "") scale = 0;
  else if (word.startsWith("1e")) scale = Number(word.slice(2));
  else if (word === "mn") scale = 6;
  else if (word === "bn") scale = 9;
  else scale = parseScale(word);
  return scale === undefined ? undefined : { currency: m[1]!.toUpperCase(), scale };
}
