import { getJson } from "../api.ts";
import { unitText } from "../format.ts";
import type { Lang } from "../state.ts";
import { frequencyOfDate, type BaseUnit, type Frequency, type Point } from "../transforms.ts";
import type { Entity, IndicatorDef, IndicatorSeries } from "../types.ts";
import type { LineSpec } from "./spec.ts";

/** A stored series as `/api/series/data` answers. */
export interface StoredSeries {
  id: string;
  vintage: string;
  entity: string;
  name: string;
  frequency: string;
  unit: string;
  scale: number;
  dataset: string;
  file: string;
  source: { publisher: string; title: string; vintage: string; licence: string } | null;
  observations: Array<{ date: string; value: number }>;
}

/** One line of the chart, whatever it came from: its points, what they measure, and whose they are. */
export interface Line {
  spec: LineSpec;
  /** The series' own name in the page's language (stored series: as their publisher titled them). */
  name: string;
  /** Whose: the entity's name, or the stored series' entity code. */
  entity: string;
  /** Whether `name` is a publisher's title that stays as published (not translated). */
  published: boolean;
  base: BaseUnit;
  /** The unit in words as the API gives it (for downloads). */
  unitLabel: string;
  frequency: Frequency;
  points: Point[];
  /** Why a value is missing, by date (the engine's reason, in the page's language). */
  notes: Map<string, string>;
  /** Publisher and title of the data, and the vintage. */
  source: string;
  vintage?: string;
  def?: IndicatorDef;
}

/** Dates of an indicator's rows: weekly when they are days about a week apart (the Fed's H.4.1). */
function frequencyOfDates(dates: readonly string[]): Frequency {
  const f = frequencyOfDate(dates[0] ?? "2000");
  if (f !== "D" || dates.length < 3) return f;
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++)
    gaps.push((Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / 86_400_000);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]! >= 6 ? "W" : "D";
}

/** What an indicator's values are: the registry's unit, with the server's words for an amount. */
function indicatorUnit(def: IndicatorDef): BaseUnit {
  const label = def.unitLabel ?? def.unit;
  if (def.unit === "fraction") return { kind: "fraction" };
  if (def.unit === "ratio") return { kind: "ratio" };
  if (def.unit === "amount") return { kind: "amount", label };
  return { kind: "index", label: def.unitLabel };
}

/** What a stored series' values are: a currency amount (USD 1e9), per cent (BIS "% of GDP"), or its unit. */
function storedUnit(s: StoredSeries, lang: Lang): { base: BaseUnit; label: string } {
  if (/^[A-Z]{3}$/.test(s.unit)) {
    const label = unitText({ currency: s.unit, scale: s.scale }, lang);
    return { base: { kind: "amount", label }, label };
  }
  const label = s.scale ? `${s.unit} (1e${s.scale})` : s.unit;
  if (/^(per ?cent|%)/i.test(s.unit)) return { base: { kind: "percent", label }, label };
  return { base: { kind: "index", label }, label };
}

export interface Range {
  from?: string;
  to?: string;
}

/** The default range of an indicator line when the URL gives none (as the explorer always had). */
export function indicatorRange(spec: { id: string }, range: Range): { from: string; to: string } {
  const country = spec.id.startsWith("country.");
  return {
    from: range.from ?? (country ? "1990" : "2002-01"),
    to: range.to ?? (country ? "2021" : "2022-12"),
  };
}

/** Loads one line; a request that fails (unknown series, bad id) rejects with the server's message. */
export async function loadLine(
  spec: LineSpec,
  range: Range,
  lang: Lang,
  /** Asked beside the line's own data, not before it (one round trip less to the first chart). */
  entities: Promise<readonly Entity[]>,
): Promise<Line> {
  if (spec.kind === "series") {
    const q = new URLSearchParams({ id: spec.id });
    if (range.from) q.set("from", range.from);
    if (range.to) q.set("to", range.to);
    const s = await getJson<StoredSeries>(`/api/series/data?${q}`);
    const unit = storedUnit(s, lang);
    const freq = (["A", "Q", "M", "W", "D"] as const).find((f) => f === s.frequency);
    return {
      spec,
      name: s.name,
      entity: s.entity,
      published: true,
      base: unit.base,
      unitLabel: unit.label,
      frequency: freq ?? frequencyOfDates(s.observations.map((o) => o.date)),
      points: s.observations.map((o) => ({ date: o.date, value: o.value })),
      notes: new Map(),
      source: s.source ? `${s.source.publisher}: ${s.source.title} (${s.file})` : `${s.dataset} (${s.file})`,
      vintage: s.vintage,
    };
  }
  const { from, to } = indicatorRange(spec, range);
  const series = await getJson<IndicatorSeries>(
    `/api/indicators/${encodeURIComponent(spec.entity)}/series?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&ids=${encodeURIComponent(spec.id)}&lang=${lang}`,
  );
  const def = series.indicators[0]!;
  const sources = series.sources ?? [];
  const notes = new Map<string, string>();
  for (const r of series.rows) {
    const note = r.notes[spec.id];
    if (note) notes.set(r.date, note);
  }
  const entity = (await entities).find((e) => e.id === spec.entity);
  return {
    spec,
    name: def.name[lang],
    entity: entity ? entity.name[lang] : spec.entity,
    published: false,
    base: indicatorUnit(def),
    unitLabel: def.unitLabel ?? def.unit,
    frequency: frequencyOfDates(series.rows.map((r) => r.date)),
    points: series.rows.map((r) => ({ date: r.date, value: r.values[spec.id] ?? null })),
    notes,
    source: sources.length ? sources.map((s) => `${s.publisher}: ${s.title}`).join("; ") : "bslab",
    ...(sources.length ? { vintage: [...new Set(sources.map((s) => s.vintage))].join("; ") } : {}),
    def,
  };
}

/** Milliseconds of a date at the end of its period (2013 and 2013-Q4 and 2013-12 -> 2013-12-31), for a time axis. */
export function timeOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(date);
  if (q) return Date.UTC(y, Number(q[1]) * 3, 0);
  const m = /^\d{4}-(\d{2})$/.exec(date);
  if (m) return Date.UTC(y, Number(m[1]), 0);
  if (/^\d{4}$/.test(date)) return Date.UTC(y, 12, 0);
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? t : Date.UTC(y, 0, 1);
}
