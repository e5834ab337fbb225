/** Shapes of the API's answers, as the pages use them. */
import type { TextFigure } from "../../src/indicators/text-figures.ts";

import type { Unit } from "./format.ts";

export interface Label {
  en?: string;
  zh?: string;
}

export interface Entity {
  id: string;
  name: { en: string; zh: string };
  kind?: string | null;
  first: string | null;
  last: string | null;
  sheets: number;
}

export interface Position {
  item: string;
  label: Label;
  side: "asset" | "liability" | "equity";
  kind: "item" | "subtotal" | "total" | "memo";
  parent?: string;
  instrument?: string;
  currency: string | null;
  foreign: boolean | null;
  value: number;
  source: { dataset: string; file: string; row: number; column?: string };
}

export interface Check {
  check: string;
  item: string;
  published: number;
  computed: number;
  difference: number;
  ok: boolean;
}

export interface SheetAnswer {
  sheet: {
    entity: string;
    date: string;
    unit: Unit;
    positions: Position[];
    notes: Array<{ item: string; message: string }>;
  };
  unitLabel: { en: string; zh: string };
  checks: Check[];
  balanced: boolean;
}

export interface Composition {
  entity: string;
  side: "asset" | "liability";
  unit: Unit | null;
  items: Array<{ item: string; label: Label }>;
  rows: Array<{
    date: string;
    total: number;
    values: Record<string, number>;
    shares: Record<string, number | null>;
  }>;
}

export interface Signal {
  id: string;
  label: string;
  fired: boolean | null;
  values: Record<string, number | null>;
  detail: string;
}

export interface Diagnosis {
  country: { iso2: string; iso3: string; name: string };
  from: number;
  to: number;
  timeline: Array<{ year: number; stage: string; fired: string[]; signals: Signal[]; notes: string[] }>;
  verdict: { balanceSheetRecession: boolean; start: number | null; end: number | null; summary: string };
  boomMark: string | null;
  crises: Crises;
  /** With `?lang=`: what a reader sees, as sentences in that language. */
  text?: {
    country: string;
    verdict: string;
    boomMark: string | null;
    years: Array<{ year: number; stage: string; evidence: Record<string, string>; notes: string[] }>;
  };
}

export interface Crises {
  jst: number[];
  laevenValencia: Array<{ start: number; end: number | null }>;
  reinhartRogoff: number[];
}

export interface CreditGap {
  country: { iso2: string; name: string };
  bands: { low: number; high: number; maxBuffer: number };
  rows: Array<{
    date: string;
    ratio: number;
    trend: number | null;
    gap: number | null;
    bufferGuide: number | null;
    bisGap?: number | null;
  }>;
  crises: Crises;
}

export interface ModelInfo {
  name: string;
  title: string;
  /** The title in Chinese, when the model file gives one (`zh "..."`). */
  titleZh?: string;
  endogenous: string[];
  parameters: Array<{ name: string; value: number }>;
  exogenous: Array<{ name: string; value: number }>;
}

export interface RunAnswer {
  model: string;
  periods: number;
  variables: string[];
  scenario: Record<string, number[]>;
  baseline?: Record<string, number[]>;
}

export interface Economy {
  name: string;
  ifs: string;
}

export interface SkillScore {
  name: string;
  auroc: number | null;
  delongCi: [number, number] | null;
  bootstrapCi: [number, number] | null;
  nsrAtTpr67: number | null;
}

export interface Evaluation {
  window: { from: number; to: number; text: string };
  results: Array<{
    name: string;
    description: string;
    positives: number;
    negatives: number;
    countries: number;
    composite: SkillScore;
    creditGap: SkillScore;
    winner: "composite" | "credit gap" | "tie";
  }>;
  skipped: Array<{ name: string; reason: string }>;
}

export interface SweepAnswer {
  names: string[];
  outputs: string[];
  runs: number;
  rows: Array<Record<string, number | null>>;
}

export interface Preview {
  file: string;
  mapping: string | null;
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
  totalRows: number;
  errors: Array<{ row: number | null; column: string | null; message: string }>;
  ok: boolean;
  summary: { sheets: number; positions: number; series: number; entities: string[]; dates: string[] } | null;
  /** The encoding the server decoded the text in (utf-8, gb18030). */
  encoding?: string;
}

export interface Text {
  en: string;
  zh: string;
}

export interface IndicatorDef {
  id: string;
  type: string;
  level: string;
  name: Text;
  formula: string;
  unit: "fraction" | "ratio" | "amount" | "index";
  unitLabel?: string;
  threshold: Text;
  citation: { author: string; year: number; where: string };
  note?: Text;
}

export interface IndicatorResult {
  id: string;
  name: Text;
  entity: string;
  date: string;
  value: number | null;
  unit: IndicatorDef["unit"];
  unitLabel: string;
  reading: { signal: string; text: Text } | null;
  note: string;
  noteText?: { en: string; zh: string };
  unitText?: { en: string; zh: string };
  inputs: Array<{
    term: string;
    label: string;
    value: number | null;
    lines: Array<{ item: string; label: string; value: number; source: string }>;
  }>;
}

export interface IndicatorSeries {
  entity: string;
  indicators: IndicatorDef[];
  rows: Array<{ date: string; values: Record<string, number | null>; notes: Record<string, string> }>;
  /** The datasets the entity's sheets come from. */
  sources?: Array<{ id: string; title: string; publisher: string; vintage: string }>;
}

export interface CompareAnswer {
  date: string;
  entities: Array<{
    entity: string;
    date: string;
    partial: string | null;
    indicators: Array<
      IndicatorResult & {
        study: { value: number; printed: string; printedText?: { en: string; zh: string } } | null;
        match: boolean | null;
      }
    >;
    verdicts: Array<{
      type: string;
      level: string;
      direction?: string;
      reasons: Text[];
      evidence: string[];
      text: Text;
      study: { level: string; direction?: string } | null;
    }>;
    conclusion: Text;
  }>;
  /** The study's text figures (present for 2013 comparisons that include the PBoC). */
  textFigures?: TextFigureAnswer[];
}

/**
 * One of the study's text figures as /api/compare sends it: the engine's own type (a type-only
 * import, so the bundle pulls no src/ code for it and the two cannot drift apart).
 */
export type TextFigureAnswer = TextFigure;
