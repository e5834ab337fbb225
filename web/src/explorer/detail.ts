import { getJson } from "../api.ts";
import { h } from "../dom.ts";
import { formatNumber } from "../format.ts";
import { t } from "../i18n.ts";
import { formatIndicator } from "../indicator-format.ts";
import type { Lang } from "../state.ts";
import { sortableTable } from "../table.ts";
import type { IndicatorResult } from "../types.ts";
import { formatValue, nearestPoint, type Drawn } from "./chart-option.ts";
import { timeOf } from "./lines.ts";

interface InputRow {
  term: string;
  termLabel: string;
  item: string;
  label: string;
  value: number | null;
  source: string;
}

/** How the lines tables are sorted (one sort for all of them, kept in the URL as `lsort`). */
export interface LinesSort {
  sort?: { key: string; dir: 1 | -1 };
  onSort: (key: string, dir: 1 | -1) => void;
}

/** The balance-sheet lines an indicator's value at `date` was computed from, with their sources. */
async function indicatorLines(d: Drawn, date: string, lang: Lang, sort: LinesSort): Promise<HTMLElement[]> {
  const spec = d.line.spec;
  if (spec.kind !== "indicator") return [];
  const country = spec.id.startsWith("country.");
  const res = await getJson<{
    date: string;
    partial: string | null;
    partialText?: { en: string; zh: string } | null;
    results: IndicatorResult[];
  }>(
    `/api/indicators/${encodeURIComponent(spec.entity)}/${encodeURIComponent(date)}?ids=${encodeURIComponent(spec.id)}`,
  );
  const r = res.results[0];
  if (!r) return [];
  const rows: InputRow[] = r.inputs.flatMap((i) =>
    i.lines.length
      ? i.lines.map((l) => ({
          term: i.term,
          termLabel: i.label,
          item: l.item,
          label: l.label,
          value: l.value,
          source: l.source,
        }))
      : [{ term: i.term, termLabel: i.label, item: "", label: "", value: i.value, source: "" }],
  );
  const unit = country
    ? lang === "zh"
      ? "百万美元"
      : "USD mn"
    : r.unit === "amount"
      ? r.unitLabel
      : r.inputs[0]?.lines[0]
        ? lang === "zh"
          ? "表内单位"
          : "sheet unit"
        : "";
  return [
    h(
      "p",
      { class: "value-line" },
      h("b", {}, `${spec.entity} ${res.date}: ${formatIndicator(r.value, r.unit, r.unitLabel, lang)}`),
      r.reading ? ` · ${r.reading.text[lang]}` : "",
      r.note ? h("span", { class: "muted" }, ` · ${r.noteText?.[lang] ?? r.note}`) : null,
      res.partial ? h("span", { class: "muted" }, ` · ${res.partialText?.[lang] ?? res.partial}`) : null,
    ),
    sortableTable(
      `${t("explorer.lines")} ${spec.entity} ${res.date}`,
      [
        { key: "term", label: lang === "zh" ? "公式项" : "Term", value: (x) => `${x.term}: ${x.termLabel}` },
        { key: "line", label: t("line"), value: (x) => x.label || x.item },
        {
          key: "value",
          label: `${t("value")} (${unit})`,
          numeric: true,
          value: (x) => x.value,
          render: (x) => formatNumber(x.value, lang),
        },
        { key: "source", label: t("source"), value: (x) => x.source },
      ],
      rows,
      { ...(sort.sort ? { sort: sort.sort } : {}), onSort: sort.onSort },
    ),
  ];
}

/** A stored series at a date: its value (and the transformed value), and the file it was read from. */
function storedLine(d: Drawn, date: string, lang: Lang): HTMLElement {
  const raw = d.line.points.find((p) => p.date === date);
  const shown = d.values.find((p) => p.date === date);
  return h(
    "p",
    { class: "value-line" },
    h("b", { translate: "no" }, `${d.line.name} ${date}: `),
    h("b", {}, `${formatNumber(raw?.value ?? null, lang, 3)} ${d.line.unitLabel}`),
    shown && shown.value !== raw?.value
      ? ` · ${t("explorer.transformed")} ${formatValue(shown.value, d.unit, lang)}`
      : "",
    h("span", { class: "muted" }, ` · ${t("source")}: ${d.line.source}`),
  );
}

/**
 * What the selected date is made of, line by line: for an indicator the balance-sheet lines (its
 * own nearest date), for a stored series its value and file.
 */
export async function selectionDetail(
  drawn: readonly Drawn[],
  at: string,
  lang: Lang,
  sort: LinesSort,
): Promise<HTMLElement[]> {
  const parts = await Promise.all(
    drawn.slice(0, 6).map(async (d) => {
      const p = nearestPoint(d, timeOf(at));
      if (!p) return [];
      return d.line.spec.kind === "indicator"
        ? indicatorLines(d, p.date, lang, sort)
        : [storedLine(d, p.date, lang)];
    }),
  );
  return parts.flat();
}
