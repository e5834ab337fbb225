import type { IndicatorResult } from "../indicators/compute.ts";
import { getIndicator } from "../indicators/registry.ts";
import { matchesStudy, STUDY_2013, type StudyFigure, studyPrinted } from "../indicators/study.ts";
import type { IndicatorUnit } from "../indicators/types.ts";
import type { Unit } from "../model/units.ts";
import { unitLabel } from "../model/units.ts";
import { grouped, percent, scaledAmount, times } from "./format.ts";
import { t } from "./i18n.ts";
import type { Lang } from "./model.ts";

/**
 * A value in an indicator's unit, short (for charts' tables and comparisons): shares as "20.5%",
 * ratios as "126.5x"/"126.5倍", amounts scaled ("26.2 trn yuan"/"26.2万亿元"), indices with 2 decimals.
 */
export function shortValue(value: number, unit: IndicatorUnit, lang: Lang, sheetUnit?: Unit): string {
  if (unit === "fraction") return percent(value);
  if (unit === "ratio") return times(value, lang);
  if (unit === "amount") return sheetUnit ? scaledAmount(value, sheetUnit, lang) : grouped(value);
  return grouped(value, 2);
}

/**
 * A result's value in full: amounts also in the sheet's own unit, as the source prints them
 * ("262,181.77 CNY hundred millions (1e8) = 26.2 trn yuan"); "not computable" when null.
 */
export function fullValue(r: IndicatorResult, lang: Lang, sheetUnit?: Unit): string {
  if (r.value === null) return t("notComputable", lang);
  if (r.unit === "amount" && sheetUnit) {
    const raw = `${grouped(r.value)} ${unitLabel(sheetUnit, lang)}`;
    const scaled = scaledAmount(r.value, sheetUnit, lang);
    return lang === "zh"
      ? `${grouped(r.value)}${unitLabel(sheetUnit, lang)}（${scaled}）`
      : `${raw} = ${scaled}`;
  }
  return shortValue(r.value, r.unit, lang, sheetUnit);
}

/** The study's end-2013 figure of an indicator for an entity, when the date is in 2013. */
export function studyFigure(entity: string, id: string, date: string): StudyFigure | undefined {
  if (!date.startsWith("2013")) return undefined;
  return STUDY_2013.find((f) => f.entity === entity && f.id === id);
}

/**
 * The study's figure formatted in the report's language with whether the computed value matches it
 * at the printed precision: "20.5% ✓", "26.2万亿元 ✓", "52.2% + MBS 37.1%" (printed text when
 * the study's figure is not a single value of the indicator).
 */
export function studyCell(r: IndicatorResult, lang: Lang, sheetUnit?: Unit): string {
  const f = studyFigure(r.entity, r.id, r.date);
  if (!f) return "";
  const unit = getIndicator(r.id).unit;
  const digits = Math.max(0, unit === "fraction" ? f.digits - 2 : f.digits);
  const simple = /^[\d.,]+(%|x)$/.test(f.printed) || (unit === "amount" && r.entity === "pboc");
  const text = simple
    ? unit === "fraction"
      ? percent(f.value, digits)
      : unit === "ratio"
        ? times(f.value, lang, digits)
        : shortValue(f.value, unit, lang, sheetUnit)
    : studyPrinted(f, lang);
  if (r.value === null) return text;
  return `${text} ${matchesStudy(r.value, f) ? "✓" : "✗"}`;
}
