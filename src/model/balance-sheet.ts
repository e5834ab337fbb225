import type { Position, Side } from "./position.ts";
import type { Unit } from "./units.ts";

/** A quality note attached to a sheet: a published total that differs from its parts, an odd row. */
export interface QualityNote {
  item: string;
  message: string;
  /** `message` in both languages, when it was written so. */
  text?: { en: string; zh: string };
  difference?: number;
}

/** One entity's positions at one date, all in one unit. */
export interface BalanceSheet {
  entity: string;
  /** ISO period the stocks refer to: `2013-12` (end of month) or `2016-02-03` (a Wednesday level). */
  date: string;
  unit: Unit;
  positions: Position[];
  notes: QualityNote[];
}

/** The line with key `item`, or undefined. */
export function findPosition(sheet: BalanceSheet, item: string): Position | undefined {
  return sheet.positions.find((p) => p.item === item);
}

/** Lines that add up to the totals on the given sides (items only: no subtotals, totals or memos). */
export function itemsOn(sheet: BalanceSheet, ...sides: Side[]): Position[] {
  return sheet.positions.filter((p) => p.kind === "item" && sides.includes(p.side));
}

/** Rounds away binary noise from sums of two-decimal figures without hiding real differences. */
export function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Sum of the values of `positions`. */
export function sumValues(positions: readonly Position[]): number {
  return roundSum(positions.reduce((acc, p) => acc + p.value, 0));
}

/**
 * Total assets: the published total where the layout has one, otherwise the sum of the asset items.
 */
export function totalAssets(sheet: BalanceSheet): number {
  const total = sheet.positions.find((p) => p.kind === "total" && p.side === "asset");
  return total ? total.value : sumValues(itemsOn(sheet, "asset"));
}

/** Total liabilities and equity, as published (the PBoC's 总负债 includes own capital). */
export function totalLiabilitiesAndEquity(sheet: BalanceSheet): number {
  const total = sheet.positions.find((p) => p.kind === "total" && p.side !== "asset");
  return total ? total.value : sumValues(itemsOn(sheet, "liability", "equity"));
}
