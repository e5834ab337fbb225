import { getJson } from "../api.ts";
import { chartPanel, type ChartData, type ChartOption } from "../charts.ts";
import { errorBox, h, input, select } from "../dom.ts";
import { formatNumber, formatPercent, unitText } from "../format.ts";
import { t } from "../i18n.ts";
import { labelOf } from "../labels.ts";
import type { Page } from "../page.ts";
import { setParams, type Lang } from "../state.ts";
import { sortableTable } from "../table.ts";
import type { Composition, Entity, IndicatorSeries } from "../types.ts";
import { chartMeta, controls, entityPicker, heading, PALETTE } from "./common.ts";
import { stressPanel } from "./stress-panel.ts";
import { table2Panel } from "./table2.ts";

/** Lines of a composition at one date, with value and share, for a sortable table. */
function compositionTable(title: string, c: Composition, date: string, lang: Lang, testId: string) {
  const row = c.rows.find((r) => r.date === date);
  const unit = c.unit ? unitText(c.unit, lang) : "";
  const rows = c.items
    .filter((i) => row && row.values[i.item] !== undefined)
    .map((i) => ({
      item: i.item,
      label: labelOf(i.label, i.item, lang),
      value: row!.values[i.item]!,
      share: row!.shares[i.item] ?? null,
    }));
  return sortableTable(
    title,
    [
      { key: "label", label: t("line"), value: (r) => r.label },
      {
        key: "value",
        label: `${t("value")} (${unit})`,
        numeric: true,
        value: (r) => r.value,
        render: (r) => formatNumber(r.value, lang),
      },
      {
        key: "share",
        label: t("share"),
        numeric: true,
        value: (r) => r.share,
        render: (r) => formatPercent(r.share, lang),
      },
    ],
    rows,
    { testId },
  );
}

/**
 * The chart option and CSV data of shares over time: one line a series (`id`, `name`), drawn in
 * percent, the CSV keeping the fractions `share` reads from each row.
 */
function sharesOverTime<R extends { date: string }>(
  rows: readonly R[],
  lines: readonly { id: string; name: string }[],
  share: (r: R, id: string) => number | null | undefined,
  style: { symbolSize: number; connectNulls?: false },
): [ChartOption, ChartData] {
  return [
    {
      color: PALETTE,
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number) => (v === null ? "–" : `${v.toFixed(1)}%`),
      },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "category", data: rows.map((r) => r.date) },
      yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      series: lines.map((l) => ({
        name: l.name,
        type: "line",
        ...style,
        data: rows.map((r) => {
          const v = share(r, l.id);
          return v === null || v === undefined ? null : Math.round(v * 10000) / 100;
        }),
      })),
    },
    {
      columns: ["date", ...lines.map((l) => l.id)],
      rows: rows.map((r) => [r.date, ...lines.map((l) => share(r, l.id) ?? null)]),
    },
  ];
}

/** Shares over time as a line chart (the study's Figure 1 for liabilities). */
function compositionChart(title: string, c: Composition, lang: Lang, testId: string, annual: boolean) {
  const panel = chartPanel(title, { height: 380, testId });
  const rows = annual ? c.rows.filter((r) => r.date.endsWith("-12")) : c.rows;
  const items = c.items.filter((i) => rows.some((r) => (r.shares[i.item] ?? 0) > 0.005));
  return {
    panel,
    draw: () =>
      panel.render(
        ...sharesOverTime(
          rows,
          items.map((i) => ({ id: i.item, name: labelOf(i.label, i.item, lang) })),
          (r, id) => r.shares[id],
          { symbolSize: 5 },
        ),
      ),
  };
}

/** Central-bank comparison: Table 2 verdicts and the liability composition over time (Figure 1). */
const FIGURE1 = [
  "cb.currency_issued_share",
  "cb.financial_deposits_share",
  "cb.bonds_issued_share",
  "cb.government_deposits_share",
];

/** The study's Figure 1 from the indicator engine: four liability shares over time. */
function figure1Chart(title: string, s: IndicatorSeries, entity: string, lang: Lang, annual: boolean) {
  const panel = chartPanel(title, { height: 380, testId: "figure1" });
  const rows = annual ? s.rows.filter((r) => /-12(-\d\d)?$/.test(r.date) || /^\d{4}$/.test(r.date)) : s.rows;
  // Weekly series: keep the last observation of each December.
  const yearEnd = new Map<string, (typeof rows)[number]>();
  for (const r of rows) yearEnd.set(annual ? r.date.slice(0, 4) : r.date, r);
  const shown = [...yearEnd.values()];
  const lines = s.indicators.map((d) => ({ id: d.id, name: d.name[lang] }));
  const drawable = shown.some((r) => lines.some((l) => typeof r.values[l.id] === "number"));
  // The engine's reason for the first line that has none (the same for all four, usually).
  const why = shown.flatMap((r) => lines.map((l) => r.notes[l.id])).find(Boolean);
  return {
    panel,
    draw: () => {
      if (!drawable) return panel.empty(why ?? t("empty.noReason"), t("empty.fixImport"));
      const [option, data] = sharesOverTime(shown, lines, (r, id) => r.values[id], {
        symbolSize: 6,
        connectNulls: false,
      });
      panel.render(
        option,
        { ...data, labels: [t("date"), ...lines.map((l) => l.name)] },
        chartMeta(s, entity, "", true, lang),
      );
    },
  };
}

/** Central-bank comparison: Table 2 verdicts and the liability composition over time (Figure 1). */
export const comparePage: Page = async ({ root, params, lang }) => {
  const entity = params.get("entity") ?? "pboc";
  const banks = (params.get("banks") ?? "pboc,fed,boj,ecb").split(",").filter(Boolean);
  const from = params.get("from") ?? "2002-12";
  const to = params.get("to") ?? "2013-12";
  const date = params.get("date") ?? to;
  const annual = (params.get("freq") ?? "annual") === "annual";
  const q = (side: string, a: string, b: string) =>
    `/api/sheets/${encodeURIComponent(entity)}/composition?side=${side}&from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`;
  // Every request starts at once; Figure 1 is drawn as soon as its data is in.
  const entitiesP = getJson<{ entities: Entity[] }>("/api/entities");
  const fig1P = getJson<IndicatorSeries>(
    `/api/indicators/${encodeURIComponent(entity)}/series?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&ids=${FIGURE1.join(",")}&lang=${lang}`,
  );
  const table2P = table2Panel(banks, date, lang);
  const stressP = stressPanel(entity, date, params.get("stress") ?? "10", lang);
  const hasSheets = entitiesP.then((r) => (r.entities.find((e) => e.id === entity)?.sheets ?? 0) > 0);
  const sheetsP = hasSheets.then((yes) =>
    yes
      ? Promise.all([
          getJson<Composition>(q("liability", date, date)),
          getJson<Composition>(q("asset", date, date)),
          getJson<Composition>(q("asset", from, to)),
        ])
      : null,
  );
  const { entities } = await entitiesP;
  const name = entities.find((e) => e.id === entity)?.name[lang] ?? entity;
  root.append(
    heading(`${t("compare.title")}: ${name}`),
    controls(
      entityPicker(entities, entity, lang, (v) => setParams({ entity: v })),
      input(t("from"), "from", from, (v) => setParams({ from: v }), { size: 8 }),
      input(t("to"), "to", to, (v) => setParams({ to: v }), { size: 8 }),
      input(t("date"), "date", date, (v) => setParams({ date: v }), { size: 8 }),
      select(
        "",
        "freq",
        [
          { value: "annual", text: lang === "zh" ? "年末" : "year-end" },
          { value: "monthly", text: lang === "zh" ? "全部" : "all dates" },
        ],
        annual ? "annual" : "monthly",
        (v) => setParams({ freq: v }),
      ),
    ),
  );
  const fig1Slot = h("div");
  const table2Slot = h("div");
  const stressSlot = h("div");
  root.append(fig1Slot, table2Slot, stressSlot);
  try {
    const fig1 = figure1Chart(`${t("compare.figure1")}: ${name}`, await fig1P, entity, lang, annual);
    fig1Slot.append(fig1.panel.el);
    fig1.draw();
  } catch (error) {
    fig1Slot.append(errorBox(error));
  }
  table2Slot.append(await table2P);
  stressSlot.append(await stressP);
  const sheets = await sheetsP.catch((error: unknown) => error as Error);
  if (sheets instanceof Error) root.append(errorBox(sheets));
  else if (sheets) {
    const [liabAt, assetsAt, assets] = sheets;
    root.append(
      h(
        "div",
        { class: "two-col" },
        compositionTable(`${t("liabilities")} ${entity} ${date}`, liabAt, date, lang, "liab-at-date"),
        compositionTable(`${t("assets")} ${entity} ${date}`, assetsAt, date, lang, "assets-at-date"),
      ),
    );
    const assetChart = compositionChart(
      `${t("compare.assetsOverTime")}: ${name}`,
      assets,
      lang,
      "assets-over-time",
      annual,
    );
    root.append(assetChart.panel.el);
    assetChart.draw();
  }
};
