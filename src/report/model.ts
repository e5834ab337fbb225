/**
 * The report model: what a report says, independent of how it is written out. Builders
 * (mismatch-report.ts, recession-report.ts) produce it; renderers (render-html.ts,
 * render-markdown.ts) turn it into a file. Every cell is already formatted for the report's language,
 * so both renderers print exactly the same numbers.
 */
import type { Lang } from "../i18n/lang.ts";

export type { Lang };

/** A table; `align` marks numeric columns (right-aligned) per column. */
export interface TableBlock {
  kind: "table";
  id?: string;
  caption?: string;
  header: string[];
  rows: string[][];
  align?: Array<"left" | "right">;
  notes?: string[];
}

/** One line of a chart, with the values it was drawn from (null = not computable there). */
export interface FigureSeries {
  id: string;
  name: string;
  values: Array<number | null>;
}

/**
 * A chart rendered to SVG on the server (ECharts SSR), with the numbers behind it as a table so
 * every point is traceable to its source rows.
 */
export interface FigureBlock {
  kind: "figure";
  id: string;
  caption: string;
  svg: string;
  /** Category axis (periods). */
  periods: string[];
  series: FigureSeries[];
  /** The data table printed under the chart (values formatted, plus sources). */
  data: TableBlock;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  /** `verdict` paragraphs stand out; `note` ones are small print. */
  tone?: "verdict" | "note" | "warning";
}

export interface ListBlock {
  kind: "list";
  items: string[];
}

export type Block = TableBlock | FigureBlock | ParagraphBlock | ListBlock;

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  subsections?: Section[];
}

/** A whole report. `meta` is the header table (entity, date, unit, data, method). */
export interface Report {
  lang: Lang;
  title: string;
  meta: Array<[string, string]>;
  sections: Section[];
  /** Printed at the end; only set when the caller passes a timestamp (reports are deterministic). */
  generatedAt?: string;
}

/** Every figure of a report, in order (for tests and for writing SVG files beside Markdown). */
export function figuresOf(report: Report): FigureBlock[] {
  const out: FigureBlock[] = [];
  const walk = (s: Section) => {
    for (const b of s.blocks) if (b.kind === "figure") out.push(b);
    for (const sub of s.subsections ?? []) walk(sub);
  };
  report.sections.forEach(walk);
  return out;
}
