import { getJson } from "../api.ts";
import { chartPanel } from "../charts.ts";
import { h } from "../dom.ts";
import { formatAmount, formatNumber, formatPercent, unitText } from "../format.ts";
import { t } from "../i18n.ts";
import { labelOf } from "../labels.ts";
import type { Page } from "../page.ts";
import { setParams } from "../state.ts";
import { sortableTable, type Column } from "../table.ts";
import type { Position, SheetAnswer } from "../types.ts";
import { controls, entityPicker, heading, PALETTE, sheetEntities } from "./common.ts";
import { select } from "../dom.ts";

/** Balance-sheet view: assets and liabilities side by side, stacked bars, and the identity checks. */
export const sheetPage: Page = async ({ root, params, lang }) => {
  const entities = await sheetEntities();
  const entity = params.get("entity") ?? entities[0]?.id ?? "pboc";
  const { dates } = await getJson<{ dates: string[] }>(`/api/entities/${encodeURIComponent(entity)}/dates`);
  const date = params.get("date") ?? (dates.includes("2013-12") ? "2013-12" : (dates.at(-1) ?? ""));
  const data = await getJson<SheetAnswer>(
    `/api/sheets/${encodeURIComponent(entity)}/${encodeURIComponent(date)}`,
  );
  const { sheet } = data;
  const unit = unitText(sheet.unit, lang);

  const totalOf = (sides: string[]) =>
    sheet.positions.find((p) => p.kind === "total" && sides.includes(p.side))?.value ??
    sheet.positions
      .filter((p) => p.kind === "item" && sides.includes(p.side))
      .reduce((a, p) => a + p.value, 0);
  const totalAssets = totalOf(["asset"]);
  const totalLiab = totalOf(["liability", "equity"]);

  root.append(
    heading(
      `${t("sheet.title")}: ${entities.find((e) => e.id === entity)?.name[lang] ?? entity} ${date}`,
      `${t("assets")} ${formatAmount(totalAssets, sheet.unit, lang)} · ${unit}`,
    ),
    controls(
      entityPicker(entities, entity, lang, (v) => setParams({ entity: v, date: null })),
      select(
        t("date"),
        "date",
        [...dates].reverse().map((d) => ({ value: d, text: d })),
        date,
        (v) => setParams({ date: v }),
      ),
    ),
  );

  const columns = (total: number): Column<Position>[] => [
    {
      key: "line",
      label: t("line"),
      value: (p) => labelOf(p.label, p.item, lang),
      render: (p) =>
        h("span", { class: `kind-${p.kind}${p.parent ? " child" : ""}` }, labelOf(p.label, p.item, lang)),
    },
    {
      key: "value",
      label: `${t("value")} (${unit})`,
      numeric: true,
      value: (p) => p.value,
      render: (p) => formatNumber(p.value, lang),
    },
    {
      key: "share",
      label: t("share"),
      numeric: true,
      value: (p) => (total ? p.value / total : null),
      render: (p) => formatPercent(total ? p.value / total : null, lang),
    },
    { key: "source", label: t("source"), value: (p) => `${p.source.file.split("/").pop()}:${p.source.row}` },
  ];
  const assets = sheet.positions.filter((p) => p.side === "asset");
  const liabilities = sheet.positions.filter((p) => p.side !== "asset");
  const rowClass = (p: Position) => `kind-${p.kind}`;
  root.append(
    h(
      "div",
      { class: "two-col" },
      sortableTable(`${t("assets")} ${entity} ${date}`, columns(totalAssets), assets, {
        rowClass,
        testId: "assets",
      }),
      sortableTable(`${t("liabilities")} ${entity} ${date}`, columns(totalLiab), liabilities, {
        rowClass,
        testId: "liabilities",
      }),
    ),
  );

  const checks = h(
    "section",
    { class: "panel", "data-testid": "checks" },
    h("h3", {}, `${t("sheet.identity")}: ${data.balanced ? t("check.ok") : t("check.fail")}`),
    h(
      "ul",
      { class: "checks" },
      ...data.checks.map((c) =>
        h(
          "li",
          { class: c.ok ? "ok" : "fail" },
          `${c.ok ? "✓" : "✗"} ${c.check === "identity" ? t("check.identityItem") : c.item}: ${t("check.published")} ${formatNumber(c.published, lang)}, ${t("check.parts")} ${formatNumber(c.computed, lang)}, ${t("check.difference")} ${formatNumber(c.difference, lang)}`,
        ),
      ),
      ...sheet.notes.map((n) => h("li", { class: "note" }, `${n.item}: ${n.message}`)),
    ),
  );

  const bars = chartPanel(`${t("sheet.bars")} ${entity} ${date}`, { height: 420, testId: "sheet-bars" });
  root.append(bars.el, checks);
  const items = sheet.positions.filter((p) => p.kind === "item");
  const cats = [t("assets"), t("liabilities")];
  bars.render(
    {
      color: PALETTE,
      tooltip: {
        trigger: "item",
        valueFormatter: (v: number) => `${formatNumber(v, lang)} ${unit}`,
      },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 150, right: 30, top: 20, bottom: 70 },
      xAxis: { type: "value", name: unit },
      yAxis: { type: "category", data: cats },
      series: items.map((p) => ({
        name: labelOf(p.label, p.item, lang),
        type: "bar",
        stack: "total",
        emphasis: { focus: "series" },
        data: p.side === "asset" ? [p.value, null] : [null, p.value],
      })),
    },
    {
      columns: ["side", "item", "label", "value", "unit"],
      rows: items.map((p) => [p.side, p.item, labelOf(p.label, p.item, lang), p.value, unit]),
    },
  );
};
