import { joinText, same } from "../i18n/define.ts";
import type { Text } from "../i18n/lang.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import type { EntityKind } from "../model/entity.ts";
import { sumValues, totalAssets, totalLiabilitiesAndEquity } from "../model/balance-sheet.ts";
import { storedNoteText } from "../model/notes.ts";
import type { Position, SourceRef } from "../model/position.ts";
import type { SectorCode } from "../model/sectors.ts";
import type { Unit } from "../model/units.ts";
import { unitLabel } from "../model/units.ts";
import { indicatorMessages as msg } from "./messages.ts";
import { maturityCoverage, selectPositions, sidesOf } from "./select.ts";
import type { FormulaHelpers, IndicatorDef, IndicatorUnit, Reading, Term } from "./types.ts";
import { NotComputable } from "./types.ts";

/** A value that is not a balance-sheet line: a country-year figure, with where it was read. */
export interface VariableValue {
  value: number;
  source: string;
}

/**
 * What indicators are computed from: a balance sheet (complete, or `partial` when only some lines
 * are known, e.g. FRED totals), and/or named variables (country-level data, literature inputs).
 */
export interface IndicatorInput {
  entity: string;
  date: string;
  sheet?: BalanceSheet;
  /** Set when the sheet is not of the asked period: which date stands in for it, and why. */
  dateNote?: string;
  /** `dateNote` in both languages. */
  dateNoteText?: Text;
  /** Set when `sheet` holds only some lines: says which. An absent line is then "not in the data", not 0. */
  partial?: string;
  /** `partial` in both languages. */
  partialText?: Text;
  variables?: Readonly<Record<string, VariableValue>>;
  /** Unit of amount variables when there is no sheet. */
  unit?: Unit;
  /** What the entity is (from the store); decides which indicators apply ({@link indicatorsForInput}). */
  kind?: EntityKind | null;
  /** The entity's institutional sector: a term with `of` equal to it reads `sheet`. */
  sector?: SectorCode;
  /**
   * Sheets of other sectors of the same economy at the same date, by sector, for terms with `of`
   * (e.g. the other depository corporations, S.122, beside the PBoC). Same unit as `sheet`.
   */
  peers?: Readonly<Partial<Record<SectorCode, BalanceSheet>>>;
}

/** One balance-sheet line that went into a value, with its source. */
export interface InputLine {
  item: string;
  label: string;
  value: number;
  source: string;
}

/** A term of the formula as it was evaluated. */
export interface InputUsed {
  term: string;
  label: string;
  value: number | null;
  lines: InputLine[];
}

/**
 * The result of one indicator on one input. `value` is null exactly when `note` starts with
 * "not computable:"; it is never NaN or Infinity.
 */
export interface IndicatorResult {
  id: string;
  entity: string;
  date: string;
  value: number | null;
  unit: IndicatorUnit;
  /** The unit as printed: "fraction", "ratio (times)", or the sheet's unit and scale for amounts. */
  unitLabel: string;
  /** `unitLabel` in both languages. */
  unitText: Text;
  reading: Reading | null;
  note: string;
  /** `note` in both languages. */
  noteText: Text;
  inputs: InputUsed[];
}

/** Safe division: the one place a formula divides. Throws NotComputable on a zero denominator. */
export function safeDiv(a: number, b: number, what: string | Text): number {
  if (b === 0 || !Number.isFinite(b) || !Number.isFinite(a))
    throw new NotComputable(msg.zero(typeof what === "string" ? same(what) : what));
  return a / b;
}

const helpers: FormulaHelpers = { div: safeDiv };

/** How a source reference prints next to a value: `file:row` or `file:row:column`. */
export function formatSource(s: SourceRef): string {
  return `${s.file}${s.sheet ? `[${s.sheet}]` : ""}:${s.row}${s.column ? `:${s.column}` : ""}`;
}

function line(p: Position): InputLine {
  return {
    item: p.item,
    label: p.label.en ?? p.label.zh ?? p.item,
    value: p.value,
    source: formatSource(p.source),
  };
}

function totalLine(sheet: BalanceSheet, side: "asset" | "liability-and-equity"): Position | undefined {
  return sheet.positions.find(
    (p) => p.kind === "total" && (side === "asset" ? p.side === "asset" : p.side !== "asset"),
  );
}

/**
 * The sheet a sheet term reads: the input's own, or (term `of` another sector) that sector's sheet of
 * the same economy, which must be in the same unit since the formula adds and divides across both.
 */
function termSheet(
  term: Extract<Term, { kind: "positions" | "total" }>,
  input: IndicatorInput,
): { sheet: BalanceSheet; entity: string; partial?: Text } | { reason: Text } {
  const label = term.label;
  if (term.of === undefined || term.of === input.sector) {
    if (!input.sheet) return { reason: msg.noSheetData(label) };
    const partial = input.partialText ?? (input.partial ? same(input.partial) : undefined);
    return { sheet: input.sheet, entity: input.entity, ...(partial ? { partial } : {}) };
  }
  const peer = input.peers?.[term.of];
  if (!peer) return { reason: msg.noPeerSheet(label, term.of, input.entity, input.date) };
  const own = input.sheet?.unit ?? input.unit;
  if (own && (own.currency !== peer.unit.currency || own.scale !== peer.unit.scale))
    return { reason: msg.peerUnit(label, peer.entity, unitTexts(peer.unit), unitTexts(own)) };
  return { sheet: peer, entity: peer.entity };
}

/** A term as read from an input: its value and what it came from, or why it cannot be read. */
type TermReading =
  | { reason: Text }
  | { variable: VariableValue; name: string }
  | { total: Position | undefined; value: number }
  | { sheet: BalanceSheet; matched: Position[]; unknown: { position: Position; why: string }[] };

/** Reads one term, checking in order what makes it not computable (the first failure is the reason). */
function readTerm(def: IndicatorDef, term: Term, input: IndicatorInput): TermReading {
  if (term.kind === "variable") {
    const v = input.variables?.[term.name];
    return v ? { variable: v, name: term.name } : { reason: msg.noVariable(term.label, term.name) };
  }
  const at = termSheet(term, input);
  if ("reason" in at) return at;
  const { sheet, entity, partial } = at;
  if (term.kind === "total") {
    const t = totalLine(sheet, term.side);
    if (t) return { total: t, value: t.value };
    if (partial) return { reason: msg.noTotal(term.label, entity, input.date) };
    return {
      total: undefined,
      value: term.side === "asset" ? totalAssets(sheet) : totalLiabilitiesAndEquity(sheet),
    };
  }
  const { matched, unknown } = selectPositions(sheet, term.select);
  if (matched.length === 0 && partial)
    return { reason: msg.absentInPartial(term.label, entity, input.date, partial) };
  if (term.select.maturity !== undefined && def.maturityCoverage !== undefined) {
    const sides = sidesOf(term.select);
    const cov = maturityCoverage(sheet, sides);
    if (cov.known < def.maturityCoverage)
      return {
        reason: msg.maturityUnknown(
          sides.join("+"),
          `${Math.round((1 - cov.known) * 1000) / 10}%`,
          cov.unknownItems.map((p) => p.item),
        ),
      };
  }
  // No line says (e.g. whether it bears interest): the sum would be 0 by omission, not by data.
  if (matched.length === 0 && unknown.length > 0)
    return {
      reason: msg.dimensionUnknownAll(
        term.label,
        unknown[0]!.why,
        unknown.map((u) => u.position.item),
      ),
    };
  return { sheet, matched, unknown };
}

/**
 * Why `term` of `def` cannot be read at `input`, or undefined when it can: the reason the traced
 * result gives when this is the first term that fails. Builds no lines (the compiled engine's reasons).
 */
export function termReason(def: IndicatorDef, term: Term, input: IndicatorInput): Text | undefined {
  const r = readTerm(def, term, input);
  return "reason" in r ? r.reason : undefined;
}

function evalTerm(
  def: IndicatorDef,
  name: string,
  term: Term,
  input: IndicatorInput,
  caveats: Text[],
): InputUsed {
  const label = term.label.en;
  const r = readTerm(def, term, input);
  if ("reason" in r) throw new NotComputable(r.reason);
  if ("variable" in r) {
    const v = r.variable;
    return {
      term: name,
      label,
      value: v.value,
      lines: [{ item: r.name, label, value: v.value, source: v.source }],
    };
  }
  if ("total" in r) {
    if (r.total) return { term: name, label, value: r.value, lines: [line(r.total)] };
    return { term: name, label: msg.sumOfItems(term.label).en, value: r.value, lines: [] };
  }
  const { sheet, matched, unknown } = r;
  if (unknown.length > 0)
    caveats.push(prefixed(name, msg.unknownDimension(unknown.map((u) => u.position.item))));
  // Notes the reader attached to a line used here (e.g. a proxy series) travel with the value.
  for (const n of sheet.notes)
    if (matched.some((p) => p.item === n.item)) caveats.push(prefixed(n.item, noteText(n)));
  return { term: name, label, value: sumValues(matched), lines: matched.map(line) };
}

const UNIT_TEXT: Record<Exclude<IndicatorUnit, "amount">, Text> = {
  fraction: { en: "fraction", zh: "比重" },
  ratio: { en: "ratio (times)", zh: "比率（倍）" },
  index: { en: "index", zh: "指数" },
};

function unitTexts(unit: Unit): Text {
  return { en: unitLabel(unit, "en"), zh: unitLabel(unit, "zh") };
}

/** The unit of `def`'s value at `input` in both languages (an amount takes the sheet's unit). */
export function unitText(def: IndicatorDef, input: IndicatorInput): Text {
  if (def.unit !== "amount") return UNIT_TEXT[def.unit];
  const unit = input.sheet?.unit ?? input.unit;
  return unit ? unitTexts(unit) : { en: "amount", zh: "金额" };
}

const prefixed = (id: string, t: Text): Text => ({ en: `${id}: ${t.en}`, zh: `${id}：${t.zh}` });

/** A note attached to a line, in both languages when it was written so. */
function noteText(n: { message: string; text?: Text }): Text {
  return n.text ?? storedNoteText(n.message);
}

/**
 * Why `def`'s formula gives no value on term values `values` (a zero denominator, a result that is
 * not finite), or undefined when it gives one.
 */
export function formulaReason(def: IndicatorDef, values: Readonly<Record<string, number>>): Text | undefined {
  try {
    return Number.isFinite(def.evaluate(values, helpers)) ? undefined : msg.notFinite(def.id);
  } catch (e) {
    if (e instanceof NotComputable) return e.reason;
    throw e;
  }
}

/**
 * Computes one indicator: the value, the inputs it was computed from (each line with its source) and
 * the reading against the literature's threshold. A missing input or a zero denominator gives
 * `{ value: null, note: "not computable: <why>" }`; NaN and Infinity never escape.
 * @example computeIndicator(fxAssetsShare, { entity: "pboc", date: "2013-12", sheet }).value // 0.833
 */
export function computeIndicator(def: IndicatorDef, input: IndicatorInput): IndicatorResult {
  const unitT = unitText(def, input);
  const base = {
    id: def.id,
    entity: input.entity,
    date: input.date,
    unit: def.unit,
    unitLabel: unitT.en,
    unitText: unitT,
  };
  const inputs: InputUsed[] = [];
  const caveats: Text[] = [];
  try {
    const values: Record<string, number> = {};
    for (const [name, term] of Object.entries(def.terms)) {
      const used = evalTerm(def, name, term, input, caveats);
      inputs.push(used);
      values[name] = used.value ?? 0;
    }
    const raw = def.evaluate(values, helpers);
    if (!Number.isFinite(raw)) throw new NotComputable(msg.notFinite(def.id));
    const value = raw === 0 ? 0 : raw; // no -0 in output
    const note = joinText(caveats, { en: "; ", zh: "；" });
    return { ...base, value, reading: def.read(value), note: note.en, noteText: note, inputs };
  } catch (e) {
    if (!(e instanceof NotComputable)) throw e;
    for (const [name, term] of Object.entries(def.terms))
      if (!inputs.some((i) => i.term === name))
        inputs.push({ term: name, label: term.label.en, value: null, lines: [] });
    return { ...base, value: null, reading: null, note: e.message, noteText: e.text, inputs };
  }
}

/** Every indicator of `defs` on one input, in registry order. */
export function computeAll(defs: readonly IndicatorDef[], input: IndicatorInput): IndicatorResult[] {
  return defs.map((d) => computeIndicator(d, input));
}
