import { getJson } from "../api.ts";
import { chartPanel } from "../charts.ts";
import { h, input, select } from "../dom.ts";
import { honestScale, spanOf, tickDecimals } from "../axes.ts";
import { formatNumber } from "../format.ts";
import { t } from "../i18n.ts";
import { formatIndicator } from "../indicator-format.ts";
import type { Page } from "../page.ts";
import { setParams } from "../state.ts";
import { sortableTable } from "../table.ts";
import type { Economy, Entity, IndicatorDef, IndicatorResult, IndicatorSeries } from "../types.ts";
import { chartMeta, controls, entityPicker, heading } from "./common.ts";

interface InputRow {
  term: string;
  termLabel: string;
  item: string;
  label: string;
  value: number | null;
  source: string;
}

/**
 * Indicator explorer: one indicator of one entity over time; clicking the chart shows the value at
 * that date with every balance-sheet line it was computed from and the line's source.
 */
export const explorerPage: Page = async ({ root, params, lang }) => {
  // Country level: the External Wealth of Nations economies (annual) and the `country.*` indicators.
  const country = (params.get("id") ?? "").startsWith("country.");
  const entity = params.get("entity") ?? (country ? "China" : "pboc");
  const id = params.get("id") ?? "cb.currency_issued_share";
  const from = params.get("from") ?? (country ? "1990" : "2002-01");
  const to = params.get("to") ?? (country ? "2021" : "2022-12");
  const [{ entities }, { economies }, { indicators }, series] = await Promise.all([
    country ? { entities: [] } : getJson<{ entities: Entity[] }>("/api/entities"),
    country ? getJson<{ economies: Economy[] }>("/api/economies") : { economies: [] },
    getJson<{ indicators: IndicatorDef[] }>("/api/indicators"),
    getJson<IndicatorSeries>(
      `/api/indicators/${encodeURIComponent(entity)}/series?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&ids=${encodeURIComponent(id)}&lang=${lang}`,
    ),
  ]);
  const def = series.indicators[0]!;
  const unitLabel = def.unitLabel ?? def.unit;
  root.append(
    heading(t("explorer.title"), t("explorer.click")),
    controls(
      select(
        t("explorer.level"),
        "level",
        [
          { value: "entity", text: t("explorer.levelEntity") },
          { value: "country", text: t("explorer.levelCountry") },
        ],
        country ? "country" : "entity",
        (v) =>
          setParams({
            level: null,
            entity: null,
            from: null,
            to: null,
            at: null,
            id: v === "country" ? "country.net_external_debt_to_net_fdi" : "cb.currency_issued_share",
          }),
      ),
      country
        ? select(
            t("explorer.country"),
            "country",
            economies.map((e) => ({ value: e.name, text: e.name })),
            entity,
            (v) => setParams({ entity: v, at: null }),
          )
        : entityPicker(entities, entity, lang, (v) => setParams({ entity: v, at: null })),
      select(
        t("explorer.series"),
        "id",
        indicators
          .filter((d) => (d.level === "country") === country)
          .map((d) => ({ value: d.id, text: `${d.name[lang]} (${d.id})` })),
        id,
        (v) => setParams({ id: v, at: null }),
      ),
      input(t("from"), "from", from, (v) => setParams({ from: v }), { size: 10 }),
      input(t("to"), "to", to, (v) => setParams({ to: v }), { size: 10 }),
    ),
    h(
      "section",
      { class: "panel def", "data-testid": "indicator-def" },
      h("h3", {}, `${def.name[lang]} · ${def.id}`),
      h("p", {}, h("code", {}, def.formula), ` · ${unitLabel} · ${def.threshold[lang]}`),
      // A bibliographic reference, given as published (not translated).
      h(
        "p",
        { class: "muted", translate: "no" },
        `${def.citation.author} (${def.citation.year}), ${def.citation.where}`,
      ),
      def.note ? h("p", { class: "muted" }, def.note[lang]) : null,
    ),
  );

  const points = series.rows.map((r) => ({ date: r.date, value: r.values[id] ?? null, note: r.notes[id] }));
  const panel = chartPanel(`${def.name[lang]}: ${entity} ${from} – ${to}`, {
    height: 360,
    testId: "explorer-chart",
  });
  const detail = h("div", { "data-testid": "explorer-lines" });
  root.append(panel.el, detail);
  const fraction = def.unit === "fraction";
  const span = spanOf(points.map((p) => p.value));
  const pctDigits = tickDecimals(span * 100);
  const numDigits = tickDecimals(span);
  const meta = chartMeta(series, entity, unitLabel, fraction, lang);
  if (points.every((p) => p.value === null)) {
    // Nothing to draw: say why (the engine's reason, in the page's language) and what to do.
    panel.empty(points.find((p) => p.note)?.note ?? t("empty.noReason"), t("empty.fixImport"));
  } else
    panel.render(
      {
        tooltip: {
          trigger: "axis",
          valueFormatter: (v: number) => formatIndicator(v, def.unit, unitLabel, lang),
        },
        grid: { left: 70, right: 20, top: 20, bottom: 60 },
        xAxis: { type: "category", data: points.map((p) => p.date) },
        yAxis: {
          type: "value",
          ...(fraction ? { scale: false } : honestScale),
          axisLabel: {
            formatter: (v: number) =>
              fraction
                ? `${(v * 100).toFixed(pctDigits)}%`
                : formatNumber(v, lang, Math.max(def.unit === "ratio" ? 1 : 0, numDigits)),
          },
        },
        dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
        series: [{ name: def.name[lang], type: "line", symbolSize: 5, data: points.map((p) => p.value) }],
      },
      {
        columns: ["date", id, "note"],
        labels: [t("date"), def.name[lang], t("note")],
        rows: points.map((p) => [p.date, p.value, p.note ?? ""]),
      },
      meta,
    );

  async function showLines(date: string) {
    const res = await getJson<{
      date: string;
      partial: string | null;
      partialText?: { en: string; zh: string } | null;
      results: IndicatorResult[];
    }>(
      `/api/indicators/${encodeURIComponent(entity)}/${encodeURIComponent(date)}?ids=${encodeURIComponent(id)}`,
    );
    const r = res.results[0];
    if (!r) return;
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
    detail.replaceChildren(
      h(
        "p",
        { class: "value-line" },
        h("b", {}, `${entity} ${res.date}: ${formatIndicator(r.value, r.unit, r.unitLabel, lang)}`),
        r.reading ? ` · ${r.reading.text[lang]}` : "",
        r.note ? h("span", { class: "muted" }, ` · ${r.noteText?.[lang] ?? r.note}`) : null,
        res.partial ? h("span", { class: "muted" }, ` · ${res.partialText?.[lang] ?? res.partial}`) : null,
      ),
      sortableTable(
        `${t("explorer.lines")} ${entity} ${res.date}`,
        [
          {
            key: "term",
            label: lang === "zh" ? "公式项" : "Term",
            value: (x) => `${x.term}: ${x.termLabel}`,
          },
          { key: "line", label: t("line"), value: (x) => x.label || x.item },
          {
            key: "value",
            label: `${t("value")} (${country ? (lang === "zh" ? "百万美元" : "USD mn") : r.unit === "amount" ? r.unitLabel : r.inputs[0]?.lines[0] ? (lang === "zh" ? "表内单位" : "sheet unit") : ""})`,
            numeric: true,
            value: (x) => x.value,
            render: (x) => formatNumber(x.value, lang),
          },
          { key: "source", label: t("source"), value: (x) => x.source },
        ],
        rows,
      ),
    );
  }
  // A click anywhere in the plot picks the nearest date, not only a hit on a 5-pixel symbol.
  panel.onChart((chart) =>
    chart.getZr().on("click", (e: { offsetX: number; offsetY: number }) => {
      if (!chart.containPixel("grid", [e.offsetX, e.offsetY])) return;
      const [index] = chart.convertFromPixel({ seriesIndex: 0 }, [e.offsetX, e.offsetY]) as number[];
      const date = points[Math.round(index ?? -1)]?.date;
      if (date) {
        setParams({ at: date }, true);
        void showLines(date);
      }
    }),
  );
  const at = params.get("at");
  if (at) await showLines(at);
};
