import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { aggregate } from "../../src/model/aggregate.ts";
import type { BalanceSheet } from "../../src/model/balance-sheet.ts";
import type { Position } from "../../src/model/position.ts";
import { checkSheet } from "../../src/model/validate.ts";
import { parseUnit } from "../../src/model/parse-unit.ts";

const position = (item: string, side: Position["side"], value: number, foreign: boolean): Position => ({
  item,
  label: {},
  side,
  kind: "item",
  currency: foreign ? "USD" : "CNY",
  foreign,
  maturity: "unknown",
  maturityBasis: "original",
  counterparty: [],
  interestBearing: null,
  value,
  source: { dataset: "gen", file: "gen", row: 1 },
});

// A generated balanced sheet: random asset lines, liabilities drawn at random, equity closes the gap.
const balancedSheet = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 1e8 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 1e8 }), fc.boolean()), { maxLength: 12 }),
  )
  .map(([assets, liabilities]): BalanceSheet => {
    const positions = [
      ...assets.map(([v, f], i) => position(`a${i}`, "asset", v / 100, f)),
      ...liabilities.map(([v, f], i) => position(`l${i}`, "liability", v / 100, f)),
    ];
    const gap = assets.reduce((s, [v]) => s + v, 0) - liabilities.reduce((s, [v]) => s + v, 0);
    positions.push(position("equity", "equity", gap / 100, false));
    return { entity: "gen", date: "2020-12", unit: { currency: "CNY", scale: 8 }, positions, notes: [] };
  });

describe("balance-sheet model properties", () => {
  it("a sheet built to balance passes every check, and aggregation by any dimension preserves the side totals", () => {
    fc.assert(
      fc.property(balancedSheet, (sheet) => {
        expect(checkSheet(sheet).every((c) => c.ok)).toBe(true);
        const bySide = aggregate(sheet, ["side"]);
        const byBoth = aggregate(sheet, ["side", "foreign"]);
        for (const side of ["asset", "liability", "equity"]) {
          const a = bySide.filter((r) => r.key.side === side).reduce((s, r) => s + r.value, 0);
          const b = byBoth.filter((r) => r.key.side === side).reduce((s, r) => s + r.value, 0);
          expect(Math.abs(a - b)).toBeLessThan(1e-6);
        }
      }),
    );
  });

  it("reads units as people write them", () => {
    expect(parseUnit("亿元")).toEqual({ currency: "CNY", scale: 8 });
    expect(parseUnit("USD millions")).toEqual({ currency: "USD", scale: 6 });
    expect(parseUnit("CNY 1e8")).toEqual({ currency: "CNY", scale: 8 });
    expect(parseUnit("EUR bn")).toEqual({ currency: "EUR", scale: 9 });
    expect(parseUnit("zorkmids")).toBeUndefined();
  });
});
