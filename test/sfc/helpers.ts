import { expect } from "vitest";

import type { Simulation } from "../../src/sfc/index.ts";

/** A reference table: one row per period, values by variable. */
export type Table = Array<[number, ...number[]]>;

/** Asserts every cell of a reference table to an absolute tolerance. */
export function expectTable(
  run: Simulation,
  columns: readonly string[],
  table: Table,
  tolerance = 1e-6,
): void {
  for (const [period, ...values] of table) {
    columns.forEach((name, j) => {
      const got = run.value(name, period);
      const want = values[j]!;
      if (!(Math.abs(got - want) <= tolerance)) {
        expect.fail(`${name} in period ${period}: got ${got}, want ${want} (tolerance ${tolerance})`);
      }
    });
  }
}
