import type { BalanceSheet } from "./balance-sheet.ts";
import { roundSum } from "./balance-sheet.ts";
import type { Position } from "./position.ts";

/** Dimensions a sheet can be grouped by. */
export type Dimension =
  "side" | "instrument" | "currency" | "foreign" | "maturity" | "counterparty" | "interestBearing";

export interface AggregateRow {
  key: Record<string, string>;
  value: number;
  items: string[];
}

function keyOf(p: Position, dim: Dimension): string {
  switch (dim) {
    case "counterparty":
      return p.counterparty.length ? p.counterparty.join("+") : "unknown";
    case "foreign":
      return p.foreign === null ? "unknown" : p.foreign ? "foreign" : "domestic";
    case "interestBearing":
      return p.interestBearing === null
        ? "unknown"
        : p.interestBearing
          ? "interest-bearing"
          : "non-interest-bearing";
    default:
      return String(p[dim] ?? "unknown");
  }
}

/**
 * Sums a sheet's items (never subtotals or memo lines, so nothing is counted twice) by any
 * combination of dimensions.
 * @example aggregate(sheet, ["side", "foreign"]) // asset/foreign, asset/domestic, liability/...
 */
export function aggregate(sheet: BalanceSheet, dims: readonly Dimension[]): AggregateRow[] {
  const groups = new Map<string, AggregateRow>();
  for (const p of sheet.positions) {
    if (p.kind !== "item") continue;
    const key = Object.fromEntries(dims.map((d) => [d, keyOf(p, d)]));
    const id = JSON.stringify(key);
    const row = groups.get(id) ?? { key, value: 0, items: [] };
    row.value = roundSum(row.value + p.value);
    row.items.push(p.item);
    groups.set(id, row);
  }
  return [...groups.values()];
}
