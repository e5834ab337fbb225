import type { BalanceSheet } from "../model/balance-sheet.ts";
import { roundSum, totalAssets, totalLiabilitiesAndEquity } from "../model/balance-sheet.ts";
import type { Position, Side } from "../model/position.ts";
import { computeIndicator, safeDiv, type IndicatorInput, type IndicatorResult } from "./compute.ts";
import type { FormulaHelpers, IndicatorDef, Selector, Term } from "./types.ts";
import { NotComputable } from "./types.ts";

/**
 * The indicator engine's fast path: each definition compiled once into predicates over positions
 * (selector fields resolved, prefix lists pre-split), evaluated for many inputs in one pass with
 * per-sheet lookups (total lines, maturity coverage) computed once per sheet instead of once per
 * term. It gives exactly the values of {@link computeIndicator} (test/indicators/compiled.test.ts);
 * the traced result (lines, notes) of a cell is built by {@link computeIndicator} only when asked.
 */

const NO = 0;
const MATCH = 1;
const UNKNOWN = 2;

type Predicate = (p: Position) => 0 | 1 | 2;

function under(code: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (code === p || code.startsWith(p)) return true;
  return false;
}

/** A selector as one predicate (same rules as select.ts, in the same order). */
function predicate(sel: Selector): Predicate {
  const kind = sel.kind ?? "item";
  const sides: readonly Side[] = typeof sel.side === "string" ? [sel.side] : sel.side;
  const { instrument, counterparty, maturity, foreign, interestBearing } = sel;
  const nominal = sel.inflationIndexed === false;
  return (p) => {
    if (p.kind !== kind || !sides.includes(p.side)) return NO;
    if (instrument && !(p.instrument && under(p.instrument, instrument))) return NO;
    if (counterparty) {
      if (p.counterparty.length === 0) return NO;
      for (const c of p.counterparty) if (!under(c, counterparty)) return NO;
    }
    if (maturity !== undefined && p.maturity !== maturity) return NO;
    if (nominal && p.inflationIndexed === true) return NO;
    if (foreign !== undefined) {
      if (p.foreign === null) return UNKNOWN;
      if (p.foreign !== foreign) return NO;
    }
    if (interestBearing !== undefined) {
      if (p.interestBearing === null) return UNKNOWN;
      if (p.interestBearing !== interestBearing) return NO;
    }
    return MATCH;
  };
}

interface CompiledTerm {
  name: string;
  term: Term;
  match?: Predicate;
  /** Index key of the lines the selector can match: kind and side ("item|asset"). */
  keys?: string[];
  /** Sides whose maturity coverage the term needs, as a cache key ("asset", "liability+equity"). */
  coverageKey?: string;
  coverageSides?: readonly Side[];
}

/** One definition, compiled. */
export interface CompiledIndicator {
  def: IndicatorDef;
  terms: CompiledTerm[];
}

/** Compiles a definition once: its selectors become predicates. */
export function compileIndicator(def: IndicatorDef): CompiledIndicator {
  const terms = Object.entries(def.terms).map(([name, term]): CompiledTerm => {
    if (term.kind !== "positions") return { name, term };
    const sel = term.select;
    const sides: readonly Side[] = typeof sel.side === "string" ? [sel.side] : sel.side;
    const needs = sel.maturity !== undefined && def.maturityCoverage !== undefined;
    return {
      name,
      term,
      match: predicate(sel),
      keys: sides.map((side) => `${sel.kind ?? "item"}|${side}`),
      ...(needs ? { coverageKey: sides.join("+"), coverageSides: sides } : {}),
    };
  });
  return { def, terms };
}

/** Lookups of one sheet, made once and shared by every term that reads it. */
class SheetFacts {
  private coverage = new Map<string, number>();
  private totals = new Map<string, number | undefined>();
  /** The sheet's lines by kind and side, in sheet order. */
  readonly index = new Map<string, Position[]>();
  constructor(readonly sheet: BalanceSheet) {
    for (const p of sheet.positions) {
      const key = `${p.kind}|${p.side}`;
      const list = this.index.get(key);
      if (list) list.push(p);
      else this.index.set(key, [p]);
    }
  }

  total(side: "asset" | "liability-and-equity"): number | undefined {
    if (!this.totals.has(side)) {
      const t = this.sheet.positions.find(
        (p) => p.kind === "total" && (side === "asset" ? p.side === "asset" : p.side !== "asset"),
      );
      this.totals.set(side, t?.value);
    }
    return this.totals.get(side);
  }

  known(key: string, sides: readonly Side[]): number {
    let v = this.coverage.get(key);
    if (v === undefined) {
      let total = 0;
      let unknown = 0;
      for (const p of this.sheet.positions)
        if (p.kind === "item" && sides.includes(p.side)) {
          total += Math.abs(p.value);
          if (p.maturity === "unknown") unknown += Math.abs(p.value);
        }
      v = total === 0 ? 0 : 1 - unknown / total;
      this.coverage.set(key, v);
    }
    return v;
  }
}

const helpers: FormulaHelpers = { div: safeDiv };

/** The sheet a sheet term reads, or null when it cannot be read (as compute.ts's termSheet decides). */
function sheetOf(
  term: Extract<Term, { kind: "positions" | "total" }>,
  input: IndicatorInput,
  facts: (s: BalanceSheet) => SheetFacts,
): { facts: SheetFacts; partial: boolean } | null {
  if (term.of === undefined || term.of === input.sector) {
    if (!input.sheet) return null;
    return { facts: facts(input.sheet), partial: Boolean(input.partialText ?? input.partial) };
  }
  const peer = input.peers?.[term.of];
  if (!peer) return null;
  const own = input.sheet?.unit ?? input.unit;
  if (own && (own.currency !== peer.unit.currency || own.scale !== peer.unit.scale)) return null;
  return { facts: facts(peer), partial: false };
}

function termValue(
  c: CompiledIndicator,
  t: CompiledTerm,
  input: IndicatorInput,
  facts: (s: BalanceSheet) => SheetFacts,
): number | null {
  const term = t.term;
  if (term.kind === "variable") return input.variables?.[term.name]?.value ?? null;
  const at = sheetOf(term, input, facts);
  if (!at) return null;
  if (term.kind === "total") {
    const v = at.facts.total(term.side);
    if (v !== undefined) return v;
    if (at.partial) return null;
    return term.side === "asset" ? totalAssets(at.facts.sheet) : totalLiabilitiesAndEquity(at.facts.sheet);
  }
  let sum = 0;
  let matched = 0;
  let unknown = 0;
  // One side: that side's lines (in sheet order); several: every line, so the float sum keeps its order.
  const lines = t.keys!.length === 1 ? (at.facts.index.get(t.keys![0]!) ?? []) : at.facts.sheet.positions;
  for (const p of lines) {
    const m = t.match!(p);
    if (m === MATCH) {
      sum += p.value;
      matched++;
    } else if (m === UNKNOWN) unknown++;
  }
  if (matched === 0 && at.partial) return null;
  if (t.coverageKey && at.facts.known(t.coverageKey, t.coverageSides!) < c.def.maturityCoverage!) return null;
  if (matched === 0 && unknown > 0) return null;
  return roundSum(sum);
}

/** The value of one compiled indicator on one input (null exactly when computeIndicator's is). */
function valueOf(
  c: CompiledIndicator,
  input: IndicatorInput,
  facts: (s: BalanceSheet) => SheetFacts,
): number | null {
  const values: Record<string, number> = {};
  for (const t of c.terms) {
    const v = termValue(c, t, input, facts);
    if (v === null) return null;
    values[t.name] = v;
  }
  try {
    const raw = c.def.evaluate(values, helpers);
    if (!Number.isFinite(raw)) return null;
    return raw === 0 ? 0 : raw;
  } catch (e) {
    if (e instanceof NotComputable) return null;
    throw e;
  }
}

/**
 * The values of every compiled indicator at every input, in one pass: `values[i][k]` is indicator
 * `k` at input `i` (null when not computable; ask {@link explain} for why).
 * @example evaluateAll(defs.map(compileIndicator), inputs)[0]
 */
export function evaluateAll(
  compiled: readonly CompiledIndicator[],
  inputs: readonly IndicatorInput[],
): (number | null)[][] {
  return inputs.map((input) => {
    const cache = new Map<BalanceSheet, SheetFacts>();
    const facts = (s: BalanceSheet) => {
      let f = cache.get(s);
      if (!f) cache.set(s, (f = new SheetFacts(s)));
      return f;
    };
    return compiled.map((c) => valueOf(c, input, facts));
  });
}

/** The full traced result of one cell (lines, sources, notes), built on demand. */
export function explain(c: CompiledIndicator, input: IndicatorInput): IndicatorResult {
  return computeIndicator(c.def, input);
}
