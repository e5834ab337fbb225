import type { LineKind, Maturity, Side } from "../model/position.ts";
import type { SectorCode } from "../model/sectors.ts";

/** The three mismatches of the balance-sheet approach (Allen et al. 2002). */
export type MismatchType = "maturity" | "currency" | "capital-structure";

/** Whose balance sheet an indicator reads. */
export type IndicatorLevel = "central-bank" | "sector" | "country";

/**
 * What a value is measured in. `fraction` is a share (0.205, not 20.5); `ratio` a plain quotient
 * (126.5 means 126.5 times); `amount` is in the sheet's own unit and scale; `index` is unitless.
 */
export type IndicatorUnit = "fraction" | "ratio" | "amount" | "index";

import type { Text } from "../i18n/lang.ts";

export type { Text };

/**
 * Which lines of a balance sheet a term sums, by model dimensions, never by item labels.
 * Instrument and counterparty codes match by prefix along the SNA hierarchy: `AF.2` matches AF.2,
 * AF.21, AF.22 and AF.29; `S.12` matches S.12 and S.121 to S.129. A position matches `counterparty`
 * when it names at least one counterparty and every one of them lies under one of the prefixes.
 */
export interface Selector {
  side: Side | readonly Side[];
  instrument?: readonly string[];
  foreign?: boolean;
  counterparty?: readonly string[];
  interestBearing?: boolean;
  maturity?: Maturity;
  /** `false`: nominal only, leaving out the lines that say they are inflation-indexed (TIPS). */
  inflationIndexed?: false;
  /** Default `item`: subtotals and memo lines are never added again. */
  kind?: LineKind;
}

/**
 * One input of a formula. A sheet term reads the input's own sheet, or with `of` the sheet of that
 * sector of the same economy at the same date (e.g. `of: "S.122"`, the other depository
 * corporations, beside a central bank); an entity of sector `of` reads its own sheet.
 */
export type Term =
  | { kind: "positions"; select: Selector; label: Text; of?: SectorCode }
  | { kind: "total"; side: "asset" | "liability-and-equity"; label: Text; of?: SectorCode }
  | { kind: "variable"; name: string; label: Text };

/** How a computed value is read against the literature's threshold. */
export interface Reading {
  /** `risk` crosses the threshold, `watch` is a softer flag, `ok` is on the safe side. */
  signal: "risk" | "watch" | "ok" | "info";
  text: Text;
}

export interface Citation {
  author: string;
  year: number;
  /** Table, page or section the definition comes from. */
  where: string;
  /** Where we read it: the seed paper's own text, or the original. */
  via?: string;
  /** The same citation as a Chinese reader writes it (Chinese authors and journals in Chinese). */
  zh: { author: string; where: string; via?: string };
}

/**
 * Raised by formula helpers when a value cannot be computed (zero denominator, missing input);
 * `compute` turns it into `{ value: null, note: "not computable: <why>" }`.
 */
export class NotComputable extends Error {
  /** "not computable: <why>" in both languages. */
  readonly text: Text;
  constructor(readonly reason: Text) {
    const text = notComputableText(reason);
    super(text.en);
    this.text = text;
  }
}

/** "not computable: <why>" in both languages, the note of a value that cannot be computed. */
export function notComputableText(reason: Text): Text {
  return { en: `not computable: ${reason.en}`, zh: `无法计算：${reason.zh}` };
}

/** Arithmetic helpers a formula may use; every division goes through `div`. */
export interface FormulaHelpers {
  /** a / b; throws NotComputable naming `what` when b is zero. */
  div(a: number, b: number, what: string | Text): number;
}

/** One indicator, defined once: everything the engine, the CLI and the docs print comes from here. */
export interface IndicatorDef {
  /** Stable id, `<level>.<name>`; scripts depend on it. */
  id: string;
  type: MismatchType;
  level: IndicatorLevel;
  name: Text;
  /** The formula as text, in the terms' names. */
  formula: string;
  terms: Readonly<Record<string, Term>>;
  evaluate(values: Readonly<Record<string, number>>, h: FormulaHelpers): number;
  unit: IndicatorUnit;
  /** The literature's threshold in words, e.g. "> 1: maturity-mismatch risk". */
  threshold: Text;
  read(value: number): Reading;
  citation: Citation;
  /** Where the literature is unclear or our mapping makes a choice, said once here. */
  note?: Text;
  /**
   * Maturity indicators: the smallest share of each side read (by value) whose maturity must be known;
   * below it the result is "not computable", as the study does when maturity data are lacking.
   */
  maturityCoverage?: number;
}
