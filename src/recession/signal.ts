import { notInstalled } from "../io/sources/common.ts";
import { type Evidence, ev, evidenceList, type EvidenceLang } from "./evidence.ts";
import type { CountryData, InputField, Sourced, YearInputs } from "./country-data.ts";

/** The outcome of one rule in one year, with the values it looked at. */
export interface Signal {
  /** Stable id, e.g. `asset-price-collapse`. */
  id: string;
  label: string;
  /** true = fired, false = checked and not fired, null = not computable (see `reason`). */
  fired: boolean | null;
  /** Inputs with their values (null = missing); never NaN. */
  values: Record<string, number | null>;
  /** One-line evidence in English, e.g. "equity -38.5% from 5-year high (...)" (= `evidence` rendered in en). */
  detail: string;
  /** The evidence as structured sentences (key + values), for {@link signalText} in other languages. */
  evidence: Evidence[];
  reason?: string;
}

/** A rule evaluated for one country-year. */
export type Rule = (data: CountryData, year: number) => Signal;

/** Rounds for display; keeps null. */
export const r1 = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10;

/** A year's inputs or an empty stand-in. */
export function yearOf(data: CountryData, year: number): Partial<YearInputs> {
  return data.years.get(year) ?? {};
}

/** Value of a sourced field or null. */
export const val = (s: Sourced | null | undefined): number | null => (s ? s.value : null);

/**
 * Why inputs are null, naming datasets that are not installed: exactly
 * `dataset <id> not installed (data/<folder>/)` when none of `fields` has any value for the country
 * (the missing dataset was their only source), else `fallback` with that note appended.
 */
export function missingReason(data: CountryData, fields: readonly InputField[], fallback: string): string {
  const gone = [...new Set(fields.flatMap((f) => data.unavailable[f] ?? []))];
  if (gone.length === 0) return fallback;
  const note = gone.map(notInstalled).join("; ");
  return fields.some((f) => data.present.has(f)) ? `${fallback} (${note})` : note;
}

/** Builds a not-computable signal. */
export function notComputable(id: string, label: string, why: string): Signal {
  const evidence = [ev("notComputable", { reason: why })];
  return { id, label, fired: null, values: {}, detail: evidenceList(evidence, "en"), evidence, reason: why };
}

/** A signal's evidence in `lang` (its `detail` in English). */
export function signalText(s: Pick<Signal, "detail" | "evidence">, lang: EvidenceLang): string {
  return lang === "en" || !s.evidence ? s.detail : evidenceList(s.evidence, lang);
}
