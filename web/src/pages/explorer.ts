import { msg } from "../../../src/i18n/catalogue.ts";
import { getJson } from "../api.ts";
import { chartPanel, type ChartData, type ChartMeta } from "../charts.ts";
import { h, input, select } from "../dom.ts";
import {
  explorerOption,
  drawLines,
  selectionMarks,
  unitWords,
  type Drawn,
} from "../explorer/chart-option.ts";
import { selectionDetail } from "../explorer/detail.ts";
import { indicatorRange, loadLine, timeOf, type Line } from "../explorer/lines.ts";
import { seriesSearch } from "../explorer/search.ts";
import { specKey, specsOf, type LineSpec } from "../explorer/spec.ts";
import { formatNumber } from "../format.ts";
import { t, type StringKey } from "../i18n.ts";
import type { Page } from "../page.ts";
import { setParams, type Lang } from "../state.ts";
import { sortableTable } from "../table.ts";
import { TRANSFORMS, isTransform, type Transform } from "../transforms.ts";
import { typeahead } from "../typeahead.ts";
import type { Entity, IndicatorDef } from "../types.ts";
import { controls, heading } from "./common.ts";

/** Rows of the values table above which it is not listed (the downloads hold them). */
const TABLE_ROWS = 3000;

/** `sort=key` or `sort=-key` (descending) from the URL. */
function sortOf(text: string | null): { key: string; dir: 1 | -1 } | undefined {
  if (!text) return undefined;
  return text.startsWith("-") ? { key: text.slice(1), dir: -1 } : { key: text, dir: 1 };
}
const sortText = (key: string, dir: 1 | -1) => (dir < 0 ? `-${key}` : key);

/** `zoom=2008-01-31..2012-12-31`: the zoom window, when both ends are dates. */
function zoomOf(text: string | null): { start: number; end: number } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text ?? "");
  if (!m) return undefined;
  const start = Date.parse(`${m[1]}T00:00:00Z`);
  const end = Date.parse(`${m[2]}T23:59:59Z`);
  return Number.isFinite(start) && Number.isFinite(end) && start < end ? { start, end } : undefined;
}
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The chart's title: the series, whose, and the dates shown. */
function titleOf(
  drawn: readonly Drawn[],
  lines: readonly Line[],
  tf: Transform,
  range: { from?: string; to?: string },
): string {
  const first = lines[0];
  const suffix = tf === "lin" ? "" : ` (${t(`explorer.tf.${tf}` as StringKey)})`;
  const dates = lines.flatMap((l) => l.points.map((p) => p.date)).sort();
  const span =
    first?.spec.kind === "indicator"
      ? indicatorRange(first.spec, range)
      : { from: range.from ?? dates[0] ?? "", to: range.to ?? dates[dates.length - 1] ?? "" };
  const when = `${span.from} – ${span.to}`;
  if (lines.length === 1 && first) {
    const who = first.spec.kind === "indicator" ? first.spec.entity : first.entity;
    return `${first.name}${suffix}: ${who} ${when}`;
  }
  return `${(drawn.length ? drawn.map((d) => d.label) : lines.map((l) => l.name)).join(" / ")}${suffix} ${when}`;
}

/** Why a line has nothing to draw: the engine's note, or what the transform lacked. */
function whyEmpty(line: Line, d: Drawn | undefined, lang: Lang): string {
  const note = [...line.notes.values()][0];
  if (note) return note;
  if (line.points.every((p) => p.value === null) || !d) return t("empty.noReason");
  const gap = d.values.find((p) => p.gap)?.gap;
  return gap ? msg(lang, `web.explorer.gap.${gap}`) : t("empty.noReason");
}

/** The chart's data for CSV/XLSX: one series wide (as before), several long with unit and source per row. */
function chartData(drawn: readonly Drawn[], tf: Transform, lang: Lang): { data: ChartData; meta: ChartMeta } {
  const gapText = (g: string | undefined) => (g ? msg(lang, `web.explorer.gap.${g as "missing"}`) : "");
  if (drawn.length === 1) {
    const d = drawn[0]!;
    const fraction = tf === "lin" && d.line.base.kind === "fraction";
    const suffix = tf === "lin" ? "" : ` (${t(`explorer.tf.${tf}` as StringKey)})`;
    return {
      data: {
        columns: ["date", d.line.spec.id, "note"],
        labels: [t("date"), `${d.line.name}${suffix}`, t("note")],
        // A share in its level stays a fraction (0.205), as stored; transforms in the axis' unit.
        rows: d.values.map((p, i) => [
          p.date,
          fraction ? d.line.points[i]!.value : p.value,
          d.line.notes.get(p.date) ?? gapText(p.gap),
        ]),
      },
      meta: {
        entity: d.line.spec.kind === "indicator" ? d.line.spec.entity : d.line.entity,
        unit: fraction
          ? lang === "zh"
            ? "比重（小数，0.205 = 20.5%）"
            : "fraction (0.205 = 20.5%)"
          : unitWords(d.unit, lang),
        source: d.line.source,
        ...(d.line.vintage ? { vintage: d.line.vintage } : {}),
      },
    };
  }
  return {
    data: {
      columns: ["date", "series", "entity", "value", "unit", "source", "note"],
      labels: [t("date"), t("explorer.series"), t("entity"), t("value"), t("unit"), t("source"), t("note")],
      rows: drawn.flatMap((d) =>
        d.values.map((p) => [
          p.date,
          `${d.line.name} (${d.line.spec.id})`,
          d.line.spec.kind === "indicator" ? d.line.spec.entity : d.line.entity,
          p.value,
          unitWords(d.unit, lang),
          d.line.source,
          d.line.notes.get(p.date) ?? gapText(p.gap),
        ]),
      ),
      metaColumns: false,
    },
    meta: {
      entity: [...new Set(drawn.map((d) => d.line.entity))].join(", "),
      source: [...new Set(drawn.map((d) => d.line.source))].join("; "),
      vintage: [...new Set(drawn.flatMap((d) => (d.line.vintage ? [d.line.vintage] : [])))].join("; "),
    },
  };
}

/**
 * Indicator explorer: indicators of entities and stored series over time, several on one chart,
 * transformed (level, changes, growth rates; log scale), zoomed, with the selected date marked and
 * the balance-sheet lines it came from listed. Everything the reader sets is in the URL.
 */
export const explorerPage: Page = async ({ root, params, lang }) => {
  const { specs, bad } = specsOf(params);
  const tfParam = params.get("tf") ?? "lin";
  const tf: Transform = isTransform(tfParam) ? tfParam : "lin";
  const log = params.get("log") === "1";
  const range = {
    ...(params.get("from") ? { from: params.get("from")! } : {}),
    ...(params.get("to") ? { to: params.get("to")! } : {}),
  };
  const entitiesP = getJson<{ entities: Entity[] }>("/api/entities").then((r) => r.entities);
  const [entities, { indicators }, settled] = await Promise.all([
    entitiesP,
    getJson<{ indicators: IndicatorDef[] }>("/api/indicators"),
    Promise.allSettled(specs.map((s) => loadLine(s, range, lang, entitiesP))),
  ]);
  const lines = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = settled.flatMap((r, i) =>
    r.status === "rejected" ? [{ spec: specs[i]!, error: r.reason as unknown }] : [],
  );

  const setLines = (next: LineSpec[]) =>
    setParams({ s: next.map(specKey), id: null, entity: null, level: null, at: null });
  const chip = (spec: LineSpec, text: string, published: boolean) =>
    h(
      "li",
      { class: "chip", "data-testid": "series-chip", "data-spec": specKey(spec) },
      h("span", { translate: published ? "no" : undefined }, text),
      h(
        "button",
        {
          type: "button",
          "aria-label": `${t("explorer.remove")} ${text}`,
          title: t("explorer.remove"),
          onclick: () => setLines(specs.filter((s) => specKey(s) !== specKey(spec))),
        },
        "×",
      ),
    );
  const bySpec = new Map(lines.map((l) => [specKey(l.spec), l]));
  const chips = h(
    "ul",
    { class: "chips", "aria-label": t("explorer.chosen"), "data-testid": "series-chips" },
    ...specs.map((s) => {
      const l = bySpec.get(specKey(s));
      return chip(s, l ? `${l.name} · ${l.entity}` : specKey(s), l?.published ?? true);
    }),
  );
  const logBox = h("input", {
    type: "checkbox",
    name: "log",
    checked: log,
    onchange: (e: Event) => setParams({ log: (e.target as HTMLInputElement).checked ? "1" : null }),
  });
  const logNoteEl = h("span", { class: "field-error", "data-testid": "log-note", hidden: true });
  root.append(
    heading(t("explorer.title"), t("explorer.click")),
    controls(
      typeahead({
        label: t("explorer.search"),
        placeholder: t("explorer.searchPlaceholder"),
        testId: "series-search",
        suggest: seriesSearch(indicators, entities, lang),
        onPick: (value) => {
          const picked = specsOf(new URLSearchParams([["s", value]])).specs[0];
          if (picked && !specs.some((s) => specKey(s) === value)) setLines([...specs, picked]);
        },
      }),
      select(
        t("explorer.transform"),
        "tf",
        TRANSFORMS.map((x) => ({ value: x, text: t(`explorer.tf.${x}` as StringKey) })),
        tf,
        (v) => setParams({ tf: v === "lin" ? null : v }),
      ),
      h("label", { class: "field" }, h("span", {}, t("explorer.log")), logBox),
      input(t("from"), "from", params.get("from") ?? "", (v) => setParams({ from: v || null, zoom: null }), {
        size: 10,
        placeholder: lines[0]?.spec.kind === "indicator" ? indicatorRange(lines[0].spec, range).from : "",
      }),
      input(t("to"), "to", params.get("to") ?? "", (v) => setParams({ to: v || null, zoom: null }), {
        size: 10,
        placeholder: lines[0]?.spec.kind === "indicator" ? indicatorRange(lines[0].spec, range).to : "",
      }),
    ),
    chips,
    logNoteEl,
    ...bad.map((b) =>
      h("p", { class: "field-error", "data-testid": "bad-s" }, msg(lang, "web.explorer.badSpec", b)),
    ),
  );

  const def = lines.find((l) => l.def)?.def;
  if (def) {
    root.append(
      h(
        "section",
        { class: "panel def", "data-testid": "indicator-def" },
        h("h3", {}, `${def.name[lang]} · ${def.id}`),
        h("p", {}, h("code", {}, def.formula), ` · ${def.unitLabel ?? def.unit} · ${def.threshold[lang]}`),
        // A bibliographic reference, given as published (not translated).
        h(
          "p",
          { class: "muted", translate: "no" },
          `${def.citation.author} (${def.citation.year}), ${def.citation.where}`,
        ),
        def.note ? h("p", { class: "muted" }, def.note[lang]) : null,
      ),
    );
  }

  const { drawn: all, left } = drawLines(lines, tf);
  const drawn = all.filter((d) => d.values.some((p) => p.value !== null));
  const emptyLines = lines.filter((l) => !drawn.some((d) => d.line === l) && !left.some((x) => x.line === l));
  const panel = chartPanel(titleOf(drawn, lines, tf, range), { height: 380, testId: "explorer-chart" });
  const unitLine = h("p", { class: "muted", "data-testid": "explorer-unit" });
  const missing = h(
    "ul",
    { class: "muted", "data-testid": "explorer-missing" },
    ...failed.map((f) =>
      h("li", {}, `${specKey(f.spec)}: ${f.error instanceof Error ? f.error.message : String(f.error)}`),
    ),
    ...left.map((x) =>
      h(
        "li",
        {},
        msg(lang, "web.explorer.thirdUnit", `${x.line.name} · ${x.line.entity}`, unitWords(x.unit, lang)),
      ),
    ),
    ...(drawn.length
      ? emptyLines.map((l) =>
          h(
            "li",
            {},
            msg(
              lang,
              "web.explorer.missing",
              `${l.name} · ${l.entity}`,
              whyEmpty(
                l,
                all.find((d) => d.line === l),
                lang,
              ),
            ),
          ),
        )
      : []),
  );
  const detail = h("div", { "data-testid": "explorer-lines" });
  const table = h("div", { "data-testid": "explorer-values" });
  root.append(panel.el, detail, table);
  panel.el.insertBefore(unitLine, panel.el.querySelector(".chart"));
  panel.el.append(missing);

  if (!drawn.length) {
    // Nothing to draw: say why (the engine's reason, in the page's language) and what to do.
    if (!specs.length || (!lines.length && !failed.length))
      panel.empty(t("explorer.noSeries"), t("explorer.noSeriesFix"));
    else if (!lines.length)
      panel.empty(
        failed.map((f) => (f.error instanceof Error ? f.error.message : String(f.error))).join("; "),
        t("explorer.noSeriesFix"),
      );
    else {
      const whys = lines.map((l) =>
        whyEmpty(
          l,
          all.find((d) => d.line === l),
          lang,
        ),
      );
      panel.empty(
        lines.length === 1 ? whys[0]! : lines.map((l, i) => `${l.name} · ${l.entity}: ${whys[i]}`).join("; "),
        t("empty.fixImport"),
      );
    }
    return;
  }

  let at = params.get("at") ?? undefined;
  const { option, logNote } = explorerOption(
    drawn,
    { log, zoom: zoomOf(params.get("zoom")), ...(at ? { at } : {}) },
    lang,
  );
  if (logNote) {
    logNoteEl.textContent = logNote;
    logNoteEl.hidden = false;
  }
  unitLine.textContent = `${t("explorer.axisUnit")}${lang === "zh" ? "：" : ": "}${[...new Set(drawn.map((d) => unitWords(d.unit, lang)))].join(" | ")}`;
  const { data, meta } = chartData(drawn, tf, lang);
  panel.render(option, data, meta);

  // The values behind the chart, sortable; the sort is kept in the URL.
  const dates = [...new Set(drawn.flatMap((d) => d.values.map((p) => p.date)))].sort(
    (a, b) => timeOf(a) - timeOf(b),
  );
  if (dates.length > TABLE_ROWS)
    table.append(h("p", { class: "muted" }, msg(lang, "web.explorer.tooMany", dates.length)));
  else {
    const maps = drawn.map((d) => new Map(d.values.map((p) => [p.date, p.value])));
    const sort = sortOf(params.get("sort"));
    table.append(
      sortableTable(
        t("explorer.values"),
        [
          { key: "date", label: t("date"), value: (r: string) => timeOf(r), render: (r) => r },
          ...drawn.map((d, i) => ({
            key: `v${i}`,
            label: `${d.label} (${unitWords(d.unit, lang)})`,
            numeric: true,
            value: (r: string) => maps[i]!.get(r) ?? null,
            render: (r: string) => formatNumber(maps[i]!.get(r) ?? null, lang, 2),
          })),
        ],
        dates,
        {
          testId: "values-table",
          ...(sort ? { sort } : {}),
          onSort: (k, dir) => setParams({ sort: sortText(k, dir) }, true),
        },
      ),
    );
  }

  const linesSort = {
    ...(sortOf(params.get("lsort")) ? { sort: sortOf(params.get("lsort"))! } : {}),
    onSort: (k: string, dir: 1 | -1) => setParams({ lsort: sortText(k, dir) }, true),
  };
  const showDetail = async (date: string) =>
    detail.replaceChildren(...(await selectionDetail(drawn, date, lang, linesSort)));

  panel.onChart((chart) => {
    // What ECharts itself holds (zoom window, marked points), for tests and for reading the state back.
    const reflect = () => {
      const o = chart.getOption() as {
        dataZoom?: Array<{ startValue?: number; endValue?: number }>;
        series?: Array<{ markPoint?: { data?: unknown[] } }>;
      };
      const z = o.dataZoom?.[0];
      const box = panel.el.querySelector<HTMLElement>(".chart")!;
      box.dataset.zoom =
        z?.startValue !== undefined && z.endValue !== undefined
          ? `${day(z.startValue)}..${day(z.endValue)}`
          : "";
      box.dataset.marked = String((o.series ?? []).reduce((n, x) => n + (x.markPoint?.data?.length ?? 0), 0));
    };
    chart.on("finished", reflect);
    // A click anywhere in the plot picks the nearest date of any line, not only a hit on a symbol.
    chart.getZr().on("click", (e: { offsetX: number; offsetY: number }) => {
      if (!chart.containPixel("grid", [e.offsetX, e.offsetY])) return;
      const [time] = chart.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as number[];
      if (time === undefined || !Number.isFinite(time)) return;
      let best: string | undefined;
      let gap = Infinity;
      for (const d of drawn)
        for (const p of d.values) {
          const g = Math.abs(timeOf(p.date) - time);
          if (p.value !== null && g < gap) [best, gap] = [p.date, g];
        }
      if (!best) return;
      at = best;
      setParams({ at }, true);
      // Marks only: merged into the chart, so the zoom stays as it is.
      chart.setOption({ series: selectionMarks(drawn, at, lang) });
      void showDetail(at);
    });
    // The zoom window goes into the URL (whole range: none).
    chart.on("datazoom", () => {
      const z = (
        chart.getOption() as {
          dataZoom?: Array<{ start?: number; end?: number; startValue?: number; endValue?: number }>;
        }
      ).dataZoom?.[0];
      if (!z) return;
      const whole = (z.start ?? 0) <= 0 && (z.end ?? 100) >= 100;
      setParams(
        {
          zoom:
            whole || z.startValue === undefined || z.endValue === undefined
              ? null
              : `${day(z.startValue)}..${day(z.endValue)}`,
        },
        true,
      );
    });
  });
  if (at) await showDetail(at);
};
