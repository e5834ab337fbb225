import type { Text } from "../i18n/lang.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import { roundSum } from "../model/balance-sheet.ts";
import type { Position, Side } from "../model/position.ts";
import type { SectorCode } from "../model/sectors.ts";
import {
  computeIndicator,
  formulaReason,
  safeDiv,
  termReason,
  type IndicatorInput,
  type IndicatorResult,
} from "./compute.ts";
import type { FormulaHelpers, IndicatorDef, Selector, Term } from "./types.ts";
import { NotComputable, notComputableText } from "./types.ts";

/**
 * The indicator engine's fast path. A definition is compiled once (selectors into predicates, terms
 * into shared keys); a call then lays the inputs' sheets out as a dense matrix (one Float64Array,
 * each sheet a column of its line values), groups sheets of the same line layout, resolves every
 * distinct term once per layout into row indices, and evaluates each term and each indicator over
 * all dates in one loop. It gives exactly the values of {@link computeIndicator}: sums run over the
 * same lines in the same order (test/indicators/compiled.test.ts checks every stored date). The
 * traced result (lines, sources, notes, reasons) of a cell is built by {@link computeIndicator}
 * only when asked for ({@link CompiledValues.result}).
 */

const NO = 0;
const MATCH = 1;
const UNKNOWN = 2;

type Predicate = (p: Position) => 0 | 1 | 2;

function under(code: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (code === p || code.startsWith(p)) return true;
  return false;
}

const sidesOf = (sel: Selector): readonly Side[] => (typeof sel.side === "string" ? [sel.side] : sel.side);

/** A selector as one predicate (the rules of select.ts, in the same order). */
function predicate(sel: Selector): Predicate {
  const kind = sel.kind ?? "item";
  const sides = sidesOf(sel);
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

/** What a term reads, with a key equal for equal terms, so indicators sharing a term compute it once. */
type TermSpec =
  | { key: string; kind: "positions"; of?: SectorCode; match: Predicate; sides: readonly Side[] }
  | { key: string; kind: "total"; of?: SectorCode; side: "asset" | "liability-and-equity" }
  | { key: string; kind: "variable"; name: string };

function specOf(term: Term): TermSpec {
  if (term.kind === "variable") return { key: `v|${term.name}`, kind: "variable", name: term.name };
  const of = term.of !== undefined ? { of: term.of } : {};
  if (term.kind === "total")
    return { key: `t|${term.of ?? ""}|${term.side}`, kind: "total", side: term.side, ...of };
  const s = term.select;
  const key = JSON.stringify([
    term.of ?? "",
    s.kind ?? "item",
    sidesOf(s),
    s.instrument ?? null,
    s.counterparty ?? null,
    s.maturity ?? null,
    s.foreign ?? null,
    s.interestBearing ?? null,
    s.inflationIndexed ?? null,
  ]);
  return { key: `p|${key}`, kind: "positions", match: predicate(s), sides: sidesOf(s), ...of };
}

/** One definition, compiled: its terms as shared specs, and the sides whose maturity coverage it checks. */
export interface CompiledIndicator {
  def: IndicatorDef;
  names: string[];
  specs: TermSpec[];
  /** For maturity indicators: per term, the sheet and sides whose coverage is checked (null: not checked). */
  coverage: ({ of: SectorCode | undefined; sides: readonly Side[] } | null)[];
}

/** Compiles a definition once: its selectors become predicates. */
export function compileIndicator(def: IndicatorDef): CompiledIndicator {
  const entries = Object.entries(def.terms);
  return {
    def,
    names: entries.map(([name]) => name),
    specs: entries.map(([, term]) => specOf(term)),
    coverage: entries.map(([, t]) =>
      t.kind === "positions" && t.select.maturity !== undefined && def.maturityCoverage !== undefined
        ? { of: t.of, sides: sidesOf(t.select) }
        : null,
    ),
  };
}

function sameShape(a: Position, b: Position): boolean {
  if (
    a.kind !== b.kind ||
    a.side !== b.side ||
    a.instrument !== b.instrument ||
    a.maturity !== b.maturity ||
    a.foreign !== b.foreign ||
    a.interestBearing !== b.interestBearing ||
    (a.inflationIndexed === true) !== (b.inflationIndexed === true) ||
    a.counterparty.length !== b.counterparty.length
  )
    return false;
  for (let i = 0; i < a.counterparty.length; i++) if (a.counterparty[i] !== b.counterparty[i]) return false;
  return true;
}

/**
 * The sheets of one call as a dense matrix: sheet `s` is the column `data[offset[s] .. offset[s] +
 * rows of its layout)`, its line values in sheet order. Sheets whose lines have the same dimensions
 * in the same order share a layout (the PBoC's 252 months have 11), and terms resolve per layout.
 */
class SheetMatrix {
  readonly sheets: BalanceSheet[] = [];
  private readonly index = new Map<BalanceSheet, number>();
  /** Per layout: the lines of its first sheet, which stand for the dimensions of all its sheets. */
  readonly layouts: Position[][] = [];
  layoutOf: Int32Array = new Int32Array(0);
  offset: Int32Array = new Int32Array(0);
  data: Float64Array = new Float64Array(0);

  /** The number of `sheet` in the matrix (registered on first sight). */
  add(sheet: BalanceSheet): number {
    let s = this.index.get(sheet);
    if (s === undefined) {
      s = this.sheets.length;
      this.sheets.push(sheet);
      this.index.set(sheet, s);
    }
    return s;
  }

  private layoutFor(ps: Position[], last: number): number {
    const fits = (l: number) => {
      const ref = this.layouts[l]!;
      if (ref.length !== ps.length) return false;
      for (let i = 0; i < ps.length; i++) if (!sameShape(ref[i]!, ps[i]!)) return false;
      return true;
    };
    if (last >= 0 && fits(last)) return last;
    for (let l = 0; l < this.layouts.length; l++) if (l !== last && fits(l)) return l;
    this.layouts.push(ps);
    return this.layouts.length - 1;
  }

  /** Assigns layouts and copies the values, once every sheet is added. */
  build(): void {
    const n = this.sheets.length;
    this.layoutOf = new Int32Array(n);
    this.offset = new Int32Array(n + 1);
    let last = -1;
    for (let s = 0; s < n; s++) {
      const ps = this.sheets[s]!.positions;
      last = this.layoutOf[s] = this.layoutFor(ps, last);
      this.offset[s + 1] = this.offset[s]! + ps.length;
    }
    this.data = new Float64Array(this.offset[n]!);
    for (let s = 0; s < n; s++) {
      const ps = this.sheets[s]!.positions;
      const o = this.offset[s]!;
      for (let r = 0; r < ps.length; r++) this.data[o + r] = ps[r]!.value;
    }
  }
}

/**
 * Where a sheet term reads at each input (as compute.ts's termSheet decides): the sheet's number in
 * the matrix, or -1 when there is none or its unit differs from the input's; and whether the sheet
 * is partial (an absent line is then "not in the data", not 0).
 */
interface Source {
  sheet: Int32Array;
  partial: Uint8Array;
}

function resolveSource(
  inputs: readonly IndicatorInput[],
  of: SectorCode | undefined,
  m: SheetMatrix,
): Source {
  const sheet = new Int32Array(inputs.length).fill(-1);
  const partial = new Uint8Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    if (of === undefined || of === input.sector) {
      if (!input.sheet) continue;
      sheet[i] = m.add(input.sheet);
      partial[i] = (input.partialText ?? input.partial) ? 1 : 0;
      continue;
    }
    const peer = input.peers?.[of];
    if (!peer) continue;
    const own = input.sheet?.unit ?? input.unit;
    if (own && (own.currency !== peer.unit.currency || own.scale !== peer.unit.scale)) continue;
    sheet[i] = m.add(peer);
  }
  return { sheet, partial };
}

/** A term's value at every input; `ok[i]` 0 where it is not computable. `caveat[i]` 1 where the traced note may say something. */
interface TermValues {
  value: Float64Array;
  ok: Uint8Array;
  caveat: Uint8Array;
}

/** A positions term resolved on one layout: the rows it sums, and the count it left out as unknown. */
interface Plan {
  rows: Int32Array;
  unknown: number;
}

function plan(layout: readonly Position[], match: Predicate): Plan {
  const rows: number[] = [];
  let unknown = 0;
  for (let r = 0; r < layout.length; r++) {
    const v = match(layout[r]!);
    if (v === MATCH) rows.push(r);
    else if (v === UNKNOWN) unknown++;
  }
  return { rows: Int32Array.from(rows), unknown };
}

/** Rows of a layout a total term reads: its total line, or (none) the items it sums instead. */
function totalPlan(
  layout: readonly Position[],
  side: "asset" | "liability-and-equity",
): { line: number; items: Int32Array } {
  const isSide = (p: Position) => (side === "asset" ? p.side === "asset" : p.side !== "asset");
  const line = layout.findIndex((p) => p.kind === "total" && isSide(p));
  const items: number[] = [];
  if (line < 0)
    layout.forEach((p, r) => {
      if (
        p.kind === "item" &&
        (side === "asset" ? p.side === "asset" : p.side === "liability" || p.side === "equity")
      )
        items.push(r);
    });
  return { line, items: Int32Array.from(items) };
}

function sumRows(data: Float64Array, o: number, rows: Int32Array): number {
  let sum = 0;
  for (let k = 0; k < rows.length; k++) sum += data[o + rows[k]!]!;
  return roundSum(sum);
}

/** One call's shared state: the matrix, the sources, and each distinct term's values, made once. */
class Pass {
  readonly matrix = new SheetMatrix();
  private readonly sources = new Map<string, Source>();
  private readonly terms = new Map<string, TermValues>();
  private readonly coverages = new Map<string, Float64Array>();
  private built = false;

  constructor(readonly inputs: readonly IndicatorInput[]) {}

  /** Registers the sheets every sheet term of `compiled` reads, then lays them out. */
  prepare(compiled: readonly CompiledIndicator[]): void {
    for (const c of compiled) for (const s of c.specs) if (s.kind !== "variable") this.source(s.of);
    this.matrix.build();
    this.built = true;
  }

  private source(of: SectorCode | undefined): Source {
    const k = of ?? "";
    let src = this.sources.get(k);
    if (!src) {
      if (this.built) throw new Error("internal: a source registered after the matrix was built");
      this.sources.set(k, (src = resolveSource(this.inputs, of, this.matrix)));
    }
    return src;
  }

  term(spec: TermSpec): TermValues {
    let t = this.terms.get(spec.key);
    if (!t) this.terms.set(spec.key, (t = this.evaluate(spec)));
    return t;
  }

  private evaluate(spec: TermSpec): TermValues {
    const n = this.inputs.length;
    const value = new Float64Array(n);
    const ok = new Uint8Array(n);
    const caveat = new Uint8Array(n);
    if (spec.kind === "variable") {
      for (let i = 0; i < n; i++) {
        const v = this.inputs[i]!.variables?.[spec.name];
        if (!v) continue;
        value[i] = v.value;
        ok[i] = 1;
      }
      return { value, ok, caveat };
    }
    const src = this.source(spec.of);
    const { data, offset, layoutOf, layouts, sheets } = this.matrix;
    if (spec.kind === "total") {
      const plans = layouts.map((l) => totalPlan(l, spec.side));
      for (let i = 0; i < n; i++) {
        const s = src.sheet[i]!;
        if (s < 0) continue;
        const p = plans[layoutOf[s]!]!;
        if (p.line >= 0) value[i] = data[offset[s]! + p.line]!;
        else if (src.partial[i]) continue;
        else value[i] = sumRows(data, offset[s]!, p.items);
        ok[i] = 1;
      }
      return { value, ok, caveat };
    }
    const plans: (Plan | undefined)[] = new Array(layouts.length);
    for (let i = 0; i < n; i++) {
      const s = src.sheet[i]!;
      if (s < 0) continue;
      const l = layoutOf[s]!;
      const p = (plans[l] ??= plan(layouts[l]!, spec.match));
      if (p.rows.length === 0 && (src.partial[i] || p.unknown > 0)) continue;
      value[i] = sumRows(data, offset[s]!, p.rows);
      ok[i] = 1;
      // The traced note lists lines left out as unknown, and notes attached to the lines used.
      if (p.unknown > 0 || sheets[s]!.notes.length > 0) caveat[i] = 1;
    }
    return { value, ok, caveat };
  }

  /** The share of the items on `sides` whose maturity is known, at every input (select.ts's maturityCoverage). */
  coverage(of: SectorCode | undefined, sides: readonly Side[]): Float64Array {
    const key = `${of ?? ""}|${sides.join("+")}`;
    let known = this.coverages.get(key);
    if (known) return known;
    known = new Float64Array(this.inputs.length);
    const src = this.source(of);
    const { data, offset, layoutOf, layouts } = this.matrix;
    const rows = layouts.map((l) => {
      const items: number[] = [];
      const unknown: number[] = [];
      l.forEach((p, r) => {
        if (p.kind !== "item" || !sides.includes(p.side)) return;
        items.push(r);
        if (p.maturity === "unknown") unknown.push(r);
      });
      return { items, unknown };
    });
    for (let i = 0; i < this.inputs.length; i++) {
      const s = src.sheet[i]!;
      if (s < 0) continue;
      const o = offset[s]!;
      const r = rows[layoutOf[s]!]!;
      let total = 0;
      let unknown = 0;
      for (const k of r.items) total += Math.abs(data[o + k]!);
      for (const k of r.unknown) unknown += Math.abs(data[o + k]!);
      known[i] = total === 0 ? 0 : 1 - unknown / total;
    }
    this.coverages.set(key, known);
    return known;
  }
}

const helpers: FormulaHelpers = { div: safeDiv };

/**
 * One indicator over all inputs: NaN where not computable, with the first term that failed there
 * (-1: the formula), and whether the traced note may say more than "" where it is computed.
 */
interface IndicatorValues {
  values: Float64Array;
  failed: Int8Array;
  caveat: Uint8Array;
  terms: TermValues[];
}

function evaluateIndicator(c: CompiledIndicator, pass: Pass): IndicatorValues {
  const n = pass.inputs.length;
  const terms = c.specs.map((s) => pass.term(s));
  const limit = c.def.maturityCoverage ?? 0;
  const covered = c.coverage.map((at) => (at ? pass.coverage(at.of, at.sides) : null));
  const values = new Float64Array(n).fill(NaN);
  const failed = new Int8Array(n).fill(-1);
  const caveat = new Uint8Array(n);
  // One object per indicator, refilled at each date: the formula reads it and keeps nothing.
  const args = Object.create(null) as Record<string, number>;
  const names = c.names;
  for (let i = 0; i < n; i++) {
    let notes = 0;
    let k = 0;
    for (; k < terms.length; k++) {
      const t = terms[k]!;
      const cov = covered[k];
      if (!t.ok[i] || (cov && cov[i]! < limit)) break;
      args[names[k]!] = t.value[i]!;
      notes |= t.caveat[i]!;
    }
    if (k < terms.length) {
      failed[i] = k;
      continue;
    }
    let raw: number;
    try {
      raw = c.def.evaluate(args, helpers);
    } catch (e) {
      if (e instanceof NotComputable) continue;
      throw e;
    }
    if (!Number.isFinite(raw)) continue;
    values[i] = raw === 0 ? 0 : raw; // no -0 in output
    caveat[i] = notes;
  }
  return { values, failed, caveat, terms };
}

/** The traced note of a computed cell with nothing to say. */
const NO_NOTE: Text = { en: "", zh: "" };

/** Every indicator at every input, from one pass; the traced detail of a cell on demand. */
export interface CompiledValues {
  readonly defs: readonly IndicatorDef[];
  readonly inputs: readonly IndicatorInput[];
  /** `values[k][i]`: indicator `k` at input `i`, NaN where not computable. */
  readonly values: readonly Float64Array[];
  /** Indicator `k` at input `i`, null where not computable (as {@link computeIndicator}'s `value`). */
  value(i: number, k: number): number | null;
  /** The note {@link computeIndicator} gives the cell: the reason when not computable, caveats, or "". */
  note(i: number, k: number): Text;
  /** The cell's traced result (lines with sources, reading, note), built now. */
  result(i: number, k: number): IndicatorResult;
}

/**
 * The values of every compiled indicator at every input, in one pass: `values[k][i]` is indicator
 * `k` at input `i` (NaN when not computable; `note(i, k)` says why).
 * @example evaluateAll(defs.map(compileIndicator), inputs).value(0, 0)
 */
export function evaluateAll(
  compiled: readonly CompiledIndicator[],
  inputs: readonly IndicatorInput[],
): CompiledValues {
  const pass = new Pass(inputs);
  pass.prepare(compiled);
  const cells = compiled.map((c) => evaluateIndicator(c, pass));
  const values = cells.map((c) => c.values);
  const result = (i: number, k: number) => computeIndicator(compiled[k]!.def, inputs[i]!);
  // The reason of a cell that is not computable, from the term that failed (or the formula) alone.
  const reason = (i: number, k: number): Text | undefined => {
    const c = compiled[k]!;
    const f = cells[k]!.failed[i]!;
    if (f >= 0) return termReason(c.def, c.def.terms[c.names[f]!]!, inputs[i]!);
    const args = Object.create(null) as Record<string, number>;
    c.names.forEach((name, t) => (args[name] = cells[k]!.terms[t]!.value[i]!));
    return formulaReason(c.def, args);
  };
  return {
    defs: compiled.map((c) => c.def),
    inputs,
    values,
    value: (i, k) => {
      const v = values[k]![i]!;
      return Number.isNaN(v) ? null : v;
    },
    note: (i, k) => {
      if (Number.isNaN(values[k]![i]!)) {
        const why = reason(i, k);
        return why ? notComputableText(why) : result(i, k).noteText;
      }
      return cells[k]!.caveat[i] ? result(i, k).noteText : NO_NOTE;
    },
    result,
  };
}

const cache = new WeakMap<IndicatorDef, CompiledIndicator>();

/** {@link compileIndicator}, once per definition object. */
export function compiledOf(def: IndicatorDef): CompiledIndicator {
  let c = cache.get(def);
  if (!c) cache.set(def, (c = compileIndicator(def)));
  return c;
}
