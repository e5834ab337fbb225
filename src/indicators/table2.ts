import { type Assessment, isFound, type MissingInput, verdictText, type Verdict } from "./assess.ts";
import type { IndicatorResult } from "./compute.ts";
import { getIndicator, listIndicators } from "./registry.ts";
import type { TextFigure } from "./text-figures.ts";
import {
  matchesStudy,
  studyPrinted,
  STUDY_2013,
  STUDY_CONCLUSIONS,
  STUDY_VERDICTS,
  type StudyCell,
} from "./study.ts";
import type { IndicatorUnit, MismatchType, Reading, Text } from "./types.ts";

/** One central bank of a comparison, as resolved and computed. */
export interface ComparedBank {
  entity: string;
  /** The date of the sheet used. */
  date: string;
  /** Said when the sheet is not of the asked period (the nearest bundled date) or only partial. */
  dateNote?: string;
  dateNoteText?: Text;
  partial?: string;
  partialText?: Text;
  results: IndicatorResult[];
  assessment: Assessment;
  /** Where the bank publishes an input bslab lacks, by indicator id (named in not-computable cells). */
  sources?: ReadonlyMap<string, MissingInput>;
}

/** One indicator of one bank in the comparison, with the study's printed figure where it prints one. */
export interface IndicatorCell {
  entity: string;
  date: string;
  id: string;
  name: Text;
  value: number | null;
  unit: IndicatorUnit;
  /** The unit as printed ("fraction", or the sheet's currency and scale for amounts). */
  unitLabel: string;
  reading: Reading | null;
  /** The study's printed figure (end-2013 comparisons only). */
  study: { value: number; printed: string; printedText: Text } | null;
  /** Equal to the study's figure at its printed precision; null when either is missing. */
  match: boolean | null;
  /**
   * When the value differs from the study's: by how much (value - study, in the indicator's unit)
   * and the lines it was computed from, so a proxy (e.g. CURRCIR for Federal Reserve notes) is named.
   */
  gap: { value: number; lines: string[] } | null;
  note: string;
  /** `note` in both languages, with the bank's date note (nearest date, partial sheet). */
  noteText: Text;
  unitText: Text;
}

/** One Table 2 verdict cell, with the study's. */
export interface VerdictCell extends Verdict {
  entity: string;
  text: Text;
  study: StudyCell | null;
  /** Same level and direction as the study's; null without a study cell. */
  match: boolean | null;
}

/** One Table 2 conclusion, with the study's. */
export interface ConclusionCell {
  entity: string;
  text: Text;
  complete: boolean;
  study: { found: MismatchType[]; printed: Text } | null;
  match: boolean | null;
}

export interface Table2 {
  date: string;
  /** Each bank's sheet date, and whether it stands in for the asked period or is partial. */
  banks: { entity: string; date: string; dateNote: string | null; partial: string | null }[];
  indicators: IndicatorCell[];
  verdicts: VerdictCell[];
  conclusions: ConclusionCell[];
  /** Of the study's cells and conclusions present in this comparison, how many are equal. */
  score: { cells: number; cellsOf: number; conclusions: number; conclusionsOf: number };
  /** The study's text figures (growth of the PBoC's net FX position, China's short-term debt). */
  textFigures: TextFigure[];
}

/**
 * A cell's note: the indicator's own, where the bank publishes a missing input, then the bank's
 * date and partial-sheet notes, each once (a not-computable note already quotes the partial one).
 */
function cellNote(own: Text, b: ComparedBank, src: MissingInput | undefined): Text {
  const part = (lang: "en" | "zh"): string => {
    const sep = lang === "en" ? "; " : "；";
    const parts = [own[lang]];
    if (src)
      parts.push(
        lang === "en"
          ? `published as ${src.input.en}: ${src.howTo.en}`
          : `发布于${src.input.zh}：${src.howTo.zh}`,
      );
    for (const extra of [b.dateNoteText?.[lang] ?? b.dateNote, b.partialText?.[lang] ?? b.partial])
      if (extra && !parts.some((p) => p.includes(extra))) parts.push(extra);
    return parts.filter(Boolean).join(sep);
  };
  return { en: part("en"), zh: part("zh") };
}

const sameCell = (v: Verdict, s: StudyCell) =>
  v.level === s.level && (v.direction ?? null) === (s.direction ?? null);

/**
 * The central-bank comparison at a date (the study's Table 2 and its figures when the date is in
 * 2013): every central-bank indicator of every bank, the verdict cells and conclusions, each next to
 * the study's printed one and whether they agree. Pure: the banks come resolved and computed.
 * @example table2("2013-12", [pbocColumn]).score // { cells: 3, cellsOf: 3, conclusions: 1, conclusionsOf: 1 }
 */
export function table2(date: string, banks: readonly ComparedBank[], textFigures: TextFigure[] = []): Table2 {
  const study = date.startsWith("2013");
  const ids = listIndicators({ level: ["central-bank"] }).map((d) => d.id);
  const indicators: IndicatorCell[] = [];
  const verdicts: VerdictCell[] = [];
  const conclusions: ConclusionCell[] = [];
  for (const b of banks) {
    for (const id of ids) {
      const r = b.results.find((x) => x.id === id);
      if (!r) continue;
      const src = r.value === null ? b.sources?.get(id) : undefined;
      const noteText = cellNote(r.noteText, b, src);
      const fig = study ? STUDY_2013.find((f) => f.entity === b.entity && f.id === id) : undefined;
      indicators.push({
        entity: b.entity,
        date: b.date,
        id,
        name: getIndicator(id).name,
        value: r.value,
        unit: r.unit,
        unitLabel: r.unitLabel,
        reading: r.reading,
        study: fig
          ? {
              value: fig.value,
              printed: fig.printed,
              printedText: { en: studyPrinted(fig, "en"), zh: studyPrinted(fig, "zh") },
            }
          : null,
        match: fig && r.value !== null ? matchesStudy(r.value, fig) : null,
        gap:
          fig && r.value !== null && !matchesStudy(r.value, fig)
            ? {
                value: r.value - fig.value,
                lines: r.inputs[0]?.lines.map((l) => `${l.item}@${l.source}`) ?? [],
              }
            : null,
        note: noteText.en,
        noteText,
        unitText: r.unitText,
      });
    }
    for (const v of b.assessment.verdicts) {
      const s = study ? (STUDY_VERDICTS[b.entity]?.[v.type] ?? null) : null;
      verdicts.push({
        ...v,
        entity: b.entity,
        text: { en: verdictText(v, "en"), zh: verdictText(v, "zh") },
        study: s,
        match: s ? sameCell(v, s) : null,
      });
    }
    const sc = study ? (STUDY_CONCLUSIONS[b.entity] ?? null) : null;
    const found = b.assessment.verdicts.filter(isFound).map((v) => v.type);
    conclusions.push({
      entity: b.entity,
      text: b.assessment.conclusion,
      complete: b.assessment.complete,
      study: sc,
      match: sc
        ? b.assessment.complete &&
          found.length === sc.found.length &&
          sc.found.every((t) => found.includes(t)) &&
          b.assessment.verdicts.every(
            (v) => !STUDY_VERDICTS[b.entity] || sameCell(v, STUDY_VERDICTS[b.entity]![v.type]),
          )
        : null,
    });
  }
  const withStudy = verdicts.filter((v) => v.match !== null);
  const concl = conclusions.filter((c) => c.match !== null);
  return {
    date,
    banks: banks.map((b) => ({
      entity: b.entity,
      date: b.date,
      dateNote: b.dateNote ?? null,
      partial: b.partial ?? null,
    })),
    indicators,
    verdicts,
    conclusions,
    score: {
      cells: withStudy.filter((v) => v.match).length,
      cellsOf: withStudy.length,
      conclusions: concl.filter((c) => c.match).length,
      conclusionsOf: concl.length,
    },
    textFigures,
  };
}
