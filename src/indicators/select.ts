import type { BalanceSheet } from "../model/balance-sheet.ts";
import type { Position, Side } from "../model/position.ts";
import type { Selector } from "./types.ts";

// SNA codes nest by prefix (AF.2 > AF.22, S.12 > S.122); `AF.2` must not match `AF.21x` of another
// branch, which cannot happen because every child code extends its parent's digits.
function under(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => code === p || code.startsWith(p));
}

/** The sides a selector reads. */
export function sidesOf(sel: Selector): Side[] {
  return typeof sel.side === "string" ? [sel.side] : [...sel.side];
}

/** Why a position fails a selector, or null when it matches; `unknown` marks an unknown dimension. */
function mismatch(p: Position, sel: Selector): null | "no" | `unknown ${string}` {
  if (p.kind !== (sel.kind ?? "item")) return "no";
  if (!sidesOf(sel).includes(p.side)) return "no";
  if (sel.instrument && !(p.instrument && under(p.instrument, sel.instrument))) return "no";
  if (sel.counterparty) {
    const cps = sel.counterparty;
    if (p.counterparty.length === 0 || !p.counterparty.every((c) => under(c, cps))) return "no";
  }
  if (sel.maturity !== undefined && p.maturity !== sel.maturity) return "no";
  if (sel.inflationIndexed === false && p.inflationIndexed === true) return "no";
  if (sel.foreign !== undefined) {
    if (p.foreign === null) return "unknown currency (domestic or foreign)";
    if (p.foreign !== sel.foreign) return "no";
  }
  if (sel.interestBearing !== undefined) {
    if (p.interestBearing === null) return "unknown interest bearing";
    if (p.interestBearing !== sel.interestBearing) return "no";
  }
  return null;
}

/**
 * The lines of `sheet` a selector picks, and the lines it left out only because one of the asked
 * dimensions is unknown for them (reported so a reader sees what the number may miss).
 * @example selectPositions(sheet, { side: "liability", instrument: ["AF.21"] }).matched // currency issued
 */
export function selectPositions(
  sheet: BalanceSheet,
  sel: Selector,
): { matched: Position[]; unknown: { position: Position; why: string }[] } {
  const matched: Position[] = [];
  const unknown: { position: Position; why: string }[] = [];
  for (const p of sheet.positions) {
    const m = mismatch(p, sel);
    if (m === null) matched.push(p);
    else if (m !== "no") unknown.push({ position: p, why: m.slice("unknown ".length) });
  }
  return { matched, unknown };
}

/**
 * Share (by absolute value) of the items on `sides` whose maturity is known, and the unknown ones.
 * Used by maturity indicators, which the study does not compute when maturity data are lacking.
 */
export function maturityCoverage(
  sheet: BalanceSheet,
  sides: readonly Side[],
): { known: number; unknownItems: Position[] } {
  const items = sheet.positions.filter((p) => p.kind === "item" && sides.includes(p.side));
  const total = items.reduce((a, p) => a + Math.abs(p.value), 0);
  const unknownItems = items.filter((p) => p.maturity === "unknown");
  const unknown = unknownItems.reduce((a, p) => a + Math.abs(p.value), 0);
  return { known: total === 0 ? 0 : 1 - unknown / total, unknownItems };
}
