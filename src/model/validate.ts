import { ModelError } from "../errors.ts";
import type { BalanceSheet } from "./balance-sheet.ts";
import { roundSum } from "./balance-sheet.ts";
import type { LineKind, Side } from "./position.ts";

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
 * The accounting checks of one sheet, fed line by line (so an importer need not hold the lines):
 * the same sums, in the same order, as {@link checkSheet}.
 */
export class SheetChecker {
  private readonly subtotals: Array<{ item: string; value: number }> = [];
  private readonly parts = new Map<string, { sum: number }>();
  private readonly sums = [0, 0];
  private readonly totals: Array<number | undefined> = [undefined, undefined];
  private readonly totalItems: Array<string | undefined> = [undefined, undefined];

  /** Adds the next line of the sheet (in the sheet's order); `parent` "" or undefined for none. */
  add(kind: LineKind, side: Side, item: string, parent: string | undefined, value: number): void {
    const s = side === "asset" ? 0 : 1;
    if (kind === "item") this.sums[s]! += value;
    else if (kind === "subtotal") this.subtotals.push({ item, value });
    else if (kind === "total" && this.totalItems[s] === undefined) {
      this.totalItems[s] = item;
      this.totals[s] = value;
    }
    if (parent && (kind === "item" || kind === "subtotal")) {
      const part = this.parts.get(parent);
      if (part) part.sum += value;
      else this.parts.set(parent, { sum: value });
    }
  }

  /** Every check's result, as {@link checkSheet} returns them. */
  results(tol: Tolerance = DEFAULT_TOLERANCE): CheckResult[] {
    const results: CheckResult[] = [];
    for (const sub of this.subtotals) {
      const part = this.parts.get(sub.item);
      if (part) results.push(result("subtotal", sub.item, sub.value, roundSum(part.sum), tol));
    }
    const totals: number[] = [];
    for (const side of [0, 1]) {
      const sum = roundSum(this.sums[side]!);
      const item = this.totalItems[side];
      if (item !== undefined) results.push(result("side-total", item, this.totals[side]!, sum, tol));
      totals.push(this.totals[side] ?? sum);
    }
    results.push(result("identity", "assets = liabilities + equity", totals[0]!, totals[1]!, tol));
    return results;
  }
}

/**
 * Runs every check a balance sheet must pass: each subtotal equals its parts, each side's items
 * equal the published total, and assets equal liabilities plus equity.
 */
export function checkSheet(sheet: BalanceSheet, tol: Tolerance = DEFAULT_TOLERANCE): CheckResult[] {
  const checker = new SheetChecker();
  for (const p of sheet.positions) checker.add(p.kind, p.side, p.item, p.parent, p.value);
  return checker.results(tol);
}

/** Throws IdentityError listing every failed check. */
export function assertBalanced(sheet: BalanceSheet, tol: Tolerance = DEFAULT_TOLERANCE): void {
  const failures = checkSheet(sheet, tol).filter((r) => !r.ok);
  if (failures.length > 0) throw new IdentityError(sheet, failures);
}
