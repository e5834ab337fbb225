import { ModelError } from "../errors.ts";
import type { BalanceSheet } from "./balance-sheet.ts";
import { itemsOn, roundSum, sumValues } from "./balance-sheet.ts";
import type { Side } from "./position.ts";

/** The result of one accounting check on a sheet. */
export interface CheckResult {
  check: "subtotal" | "side-total" | "identity";
  /** The line whose published value is compared with the sum of its parts. */
  item: string;
  published: number;
  computed: number;
  difference: number;
  ok: boolean;
}

export interface Tolerance {
  /** Largest accepted |difference| in the sheet's own unit. Default 0.1: two-decimal rounding of ~20 lines. */
  absolute: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { absolute: 0.1 };

/** Raised when a sheet fails an accounting check; names entity, date, item and the difference. */
export class IdentityError extends ModelError {
  readonly failures: CheckResult[];
  constructor(sheet: BalanceSheet, failures: CheckResult[]) {
    const list = failures.map(
      (f) => `${f.item} published ${f.published} vs parts ${f.computed} (difference ${f.difference})`,
    );
    super(`${sheet.entity} ${sheet.date}: ${failures.length} accounting check(s) failed: ${list.join("; ")}`);
    this.failures = failures;
  }
}

function result(
  check: CheckResult["check"],
  item: string,
  published: number,
  computed: number,
  tol: Tolerance,
): CheckResult {
  const difference = roundSum(published - computed);
  return { check, item, published, computed, difference, ok: Math.abs(difference) <= tol.absolute };
}

/**
 * Runs every check a balance sheet must pass: each subtotal equals its parts, each side's items
 * equal the published total, and assets equal liabilities plus equity.
 */
export function checkSheet(sheet: BalanceSheet, tol: Tolerance = DEFAULT_TOLERANCE): CheckResult[] {
  const results: CheckResult[] = [];
  for (const sub of sheet.positions.filter((p) => p.kind === "subtotal")) {
    const parts = sheet.positions.filter(
      (p) => p.parent === sub.item && (p.kind === "item" || p.kind === "subtotal"),
    );
    if (parts.length > 0) results.push(result("subtotal", sub.item, sub.value, sumValues(parts), tol));
  }
  const sides: Side[][] = [["asset"], ["liability", "equity"]];
  const totals: number[] = [];
  for (const side of sides) {
    const total = sheet.positions.find((p) => p.kind === "total" && side.includes(p.side));
    const sum = sumValues(itemsOn(sheet, ...side));
    if (total) results.push(result("side-total", total.item, total.value, sum, tol));
    totals.push(total?.value ?? sum);
  }
  results.push(result("identity", "assets = liabilities + equity", totals[0] ?? 0, totals[1] ?? 0, tol));
  return results;
}

/** Throws IdentityError listing every failed check. */
export function assertBalanced(sheet: BalanceSheet, tol: Tolerance = DEFAULT_TOLERANCE): void {
  const failures = checkSheet(sheet, tol).filter((r) => !r.ok);
  if (failures.length > 0) throw new IdentityError(sheet, failures);
}
