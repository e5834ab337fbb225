import { type Evidence, ev, evidenceText, type EvidenceLang } from "./evidence.ts";
import type { Signal } from "./signal.ts";

/** A mark, or one input of it, that could not be tested in some years, and why. */
export interface UntestedMark {
  /** Signal id, e.g. `asset-price-collapse`. */
  mark: string;
  /** The input that was missing (`equity prices`, `house prices`, `labour-market slack`) or null for the whole mark. */
  part: string | null;
  years: number[];
  /** Why (English; `evidence` renders it in any language). */
  reason: string;
  evidence: Evidence;
}

const MARKS = ["asset-price-collapse", "private-deleveraging", "monetary-ineffective", "deflation"];
const PART_OF: Record<string, string> = {
  equityNotComputable: "equity prices",
  houseNotComputable: "house prices",
  slackNotTested: "labour-market slack",
};

// "1985-1990, 1995" from sorted years.
export function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length;) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(i === j ? String(years[i]) : `${years[i]}-${years[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

// A reason without its year ("no CPI for 1985" -> "no CPI"), so years group under one reason.
const yearFree = (r: string) =>
  r
    .replace(/\b(for|in) \d{4}(-\d{4})?\b/g, "")
    .replace(/\s+/g, " ")
    .replace(/ \(/g, " (")
    .trim();

/**
 * Every mark of the balance-sheet recession (asset-price collapse, deleveraging, ineffective
 * monetary policy, deflation) that could not be tested in a year of `timeline`, wholly (not
 * computable) or in part (no equity series, no unemployment rate for the slack test), grouped by
 * mark, part and reason with the years. Korea 1997 and China 2015: equity prices and the monetary
 * mark (no short-term rate).
 * @example untestedMarks(diagnose("KR", 1995, 2002).timeline)[0].part // "equity prices"
 */
export function untestedMarks(timeline: readonly { year: number; signals: Signal[] }[]): UntestedMark[] {
  const by = new Map<string, UntestedMark>();
  const add = (mark: string, part: string | null, year: number, reason: string) => {
    const why = yearFree(reason);
    const key = `${mark}\u0000${part}\u0000${why}`;
    const have = by.get(key);
    if (have) have.years.push(year);
    else by.set(key, { mark, part, years: [year], reason: why, evidence: ev("untested", {}) });
  };
  for (const y of timeline)
    for (const s of y.signals) {
      if (!MARKS.includes(s.id)) continue;
      if (s.fired === null) {
        add(s.id, null, y.year, s.reason ?? s.detail);
        continue;
      }
      for (const e of s.evidence) {
        const part = PART_OF[e.key];
        if (part) add(s.id, part, y.year, String(e.values.reason));
      }
    }
  const out = [...by.values()];
  for (const u of out)
    u.evidence = ev("untested", { mark: u.mark, part: u.part, years: yearRanges(u.years), reason: u.reason });
  return out;
}

/** The untested marks as one line in `lang`. */
export function untestedSummary(list: readonly UntestedMark[], lang: EvidenceLang): string {
  return list.map((u) => evidenceText(u.evidence, lang)).join(lang === "zh" ? "；" : "; ");
}
