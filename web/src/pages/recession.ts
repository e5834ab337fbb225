import { getJson } from "../api.ts";
import { chartPanel } from "../charts.ts";
import { h, input, select } from "../dom.ts";
import { formatNumber } from "../format.ts";
import { msg } from "../../../src/i18n/catalogue.ts";
import { markLabel, stageLabel, t } from "../i18n.ts";
import type { Page } from "../page.ts";
import { setParams } from "../state.ts";
import { STAGE_COLORS, stageCss } from "../stage-colors.ts";
import { sortableTable } from "../table.ts";
import type { CreditGap, Crises, Diagnosis } from "../types.ts";
import { controls, heading } from "./common.ts";
import { skillSection, warningSection } from "./skill.ts";

const MARK_IDS = [
  "asset-price-collapse",
  "monetary-ineffective",
  "private-deleveraging",
  "deflation",
] as const;

function crisisYears(c: Crises): number[] {
  const years = new Set<number>([...c.jst]);
  for (const lv of c.laevenValencia) years.add(lv.start);
  return [...years].sort((a, b) => a - b);
}

/** A country's name in the page's language (the browser's region names; the API's name otherwise). */
function regionName(iso2: string, name: string, lang: "en" | "zh"): string {
  if (lang === "en") return name;
  try {
    return new Intl.DisplayNames(["zh-CN"], { type: "region" }).of(iso2 === "XM" ? "EZ" : iso2) ?? name;
  } catch {
    return name;
  }
}

/** Recession monitor: stage timeline, the four marks, the credit gap with BIS bands, crisis dates. */
export const recessionPage: Page = async ({ root, params, lang }) => {
  const country = (params.get("country") ?? "JP").toUpperCase();
  const from = Number(params.get("from") ?? 1985);
  const to = Number(params.get("to") ?? 2010);
  const { countries } = await getJson<{ countries: Array<{ iso2: string; name: string }> }>(
    "/api/recession/countries",
  );
  const [diag, gap] = await Promise.all([
    getJson<Diagnosis>(`/api/recession/${encodeURIComponent(country)}?from=${from}&to=${to}&lang=${lang}`),
    getJson<CreditGap>(`/api/credit-gap/${encodeURIComponent(country)}`).catch((e: unknown) => e as Error),
  ]);
  const years = diag.timeline.filter((y) => y.year >= from && y.year <= to);
  const crises = crisisYears(diag.crises);
  // The server's sentences in the page's language (evidence, verdict, country name).
  const said = new Map((diag.text?.years ?? []).map((y) => [y.year, y]));
  const countryName = diag.text?.country ?? regionName(diag.country.iso2, diag.country.name, lang);
  const detail = (year: number, s: { id: string; detail: string } | undefined) =>
    s ? (said.get(year)?.evidence[s.id] ?? s.detail) : "";

  root.append(
    heading(`${t("recession.title")}: ${countryName}`),
    controls(
      select(
        t("recession.country"),
        "country",
        countries.map((c) => ({ value: c.iso2, text: `${regionName(c.iso2, c.name, lang)} (${c.iso2})` })),
        country,
        (v) => setParams({ country: v }),
      ),
      input(t("from"), "from", String(from), (v) => setParams({ from: v }), {
        type: "number",
        min: 1870,
        max: 2030,
      }),
      input(t("to"), "to", String(to), (v) => setParams({ to: v }), { type: "number", min: 1870, max: 2030 }),
    ),
    h(
      "section",
      { class: `panel verdict ${diag.verdict.balanceSheetRecession ? "bsr" : ""}`, "data-testid": "verdict" },
      h("h3", {}, t("recession.verdict")),
      h("p", {}, diag.text?.verdict ?? diag.verdict.summary),
      (diag.text?.boomMark ?? diag.boomMark)
        ? h("p", { class: "muted" }, diag.text?.boomMark ?? diag.boomMark)
        : null,
      h(
        "p",
        { class: "muted" },
        `${t("recession.crises")}: ${crises.filter((y) => y >= from - 10 && y <= to).join(", ") || "–"}`,
      ),
    ),
  );

  // 1. Stage timeline: one bar per year, coloured by stage.
  const timeline = chartPanel(`${t("recession.timeline")}: ${countryName} ${from}-${to}`, {
    height: 170,
    testId: "stage-timeline",
  });
  root.append(
    timeline.el,
    h(
      "div",
      { class: "legend" },
      ...Object.keys(STAGE_COLORS).map((s) =>
        h("span", {}, h("i", { style: `background:${stageCss(s)}` }), stageLabel(s, lang)),
      ),
    ),
  );
  timeline.render(
    {
      tooltip: {
        trigger: "item",
        formatter: (p: { dataIndex: number }) => {
          const y = years[p.dataIndex]!;
          return `${y.year}: <b>${stageLabel(y.stage, lang)}</b><br>${y.fired.map((f) => markLabel(f, lang)).join(", ")}`;
        },
      },
      grid: { left: 30, right: 20, top: 10, bottom: 30 },
      xAxis: { type: "category", data: years.map((y) => String(y.year)) },
      yAxis: { type: "value", show: false, max: 1 },
      series: [
        {
          type: "bar",
          barCategoryGap: "5%",
          data: years.map((y) => ({
            value: 1,
            itemStyle: { color: STAGE_COLORS[y.stage] ?? STAGE_COLORS.none },
          })),
          markLine: {
            symbol: "none",
            label: { formatter: t("recession.crisisMark"), fontSize: 10 },
            lineStyle: { color: "#000", type: "dashed" },
            data: crises.filter((c) => c >= from && c <= to).map((c) => ({ xAxis: String(c) })),
          },
        },
      ],
    },
    {
      columns: ["year", "stage", "fired"],
      rows: years.map((y) => [y.year, y.stage, y.fired.join(" ")]),
    },
  );

  // 2. The four marks as small multiples: the mark's main value per year, red where it fired.
  const grid = h("div", { class: "multiples", "data-testid": "marks" });
  root.append(h("h3", { class: "section-title" }, t("recession.marks")), grid);
  for (const id of MARK_IDS) {
    const signals = years.map((y) => y.signals.find((s) => s.id === id));
    const key = Object.keys(signals.find((s) => s && Object.keys(s.values).length)?.values ?? {})[0] ?? "";
    const measure = key === "inflation" ? t("measure.inflation") : key;
    const suffix = key ? (lang === "zh" ? `（${measure}）` : ` (${measure})`) : "";
    const panel = chartPanel(`${markLabel(id, lang)}${suffix}`, {
      height: 180,
      testId: `mark-${id}`,
    });
    grid.append(panel.el);
    panel.render(
      {
        tooltip: {
          trigger: "item",
          formatter: (p: { dataIndex: number }) =>
            detail(years[p.dataIndex]?.year ?? 0, signals[p.dataIndex]),
          extraCssText: "max-width:360px;white-space:normal",
        },
        grid: { left: 45, right: 10, top: 10, bottom: 25 },
        xAxis: { type: "category", data: years.map((y) => String(y.year)) },
        // Bars are read by their length: they start at zero.
        yAxis: { type: "value", scale: false },
        series: [
          {
            type: "bar",
            data: signals.map((s) => ({
              value: s?.values[key] ?? null,
              itemStyle: { color: s?.fired ? "#d1495b" : s?.fired === false ? "#9aa5b1" : "#e0e0e0" },
            })),
          },
        ],
      },
      {
        columns: ["year", "fired", key, "detail"],
        rows: years.map((y, i) => [
          y.year,
          signals[i]?.fired ?? null,
          signals[i]?.values[key] ?? null,
          detail(y.year, signals[i]),
        ]),
      },
    );
  }

  // 3. Credit gap with the Basel III bands and crisis dates.
  if (gap instanceof Error) {
    root.append(
      h(
        "section",
        { class: "panel" },
        h("h3", {}, t("recession.gap")),
        h("p", { class: "muted" }, gap.message),
      ),
    );
  } else {
    const rows = gap.rows.filter(
      (r) => Number(r.date.slice(0, 4)) >= from - 10 && Number(r.date.slice(0, 4)) <= to,
    );
    const panel = chartPanel(`${t("recession.gap")}: ${countryName}`, {
      height: 320,
      testId: "credit-gap",
    });
    root.append(panel.el);
    const dates = rows.map((r) => r.date);
    if (!rows.some((r) => r.gap !== null)) {
      const first = gap.rows[0]?.date ?? "–";
      const last = gap.rows[gap.rows.length - 1]?.date ?? "–";
      panel.empty(
        msg(lang, "web.empty.gapRange", countryName, first, last, from, to),
        msg(lang, "web.empty.gapFix", first),
      );
    } else
      panel.render(
        {
          tooltip: {
            trigger: "axis",
            valueFormatter: (v: number) => (v === null ? "–" : `${formatNumber(v, lang, 1)} pp`),
          },
          legend: { bottom: 0 },
          grid: { left: 50, right: 20, top: 20, bottom: 50 },
          xAxis: { type: "category", data: dates },
          yAxis: {
            type: "value",
            name: "pp",
            max: (v: { max: number }) => Math.ceil(Math.max(v.max, gap.bands.high) + 2),
          },
          series: [
            {
              name: lang === "zh" ? "缺口（重算）" : "gap (recomputed)",
              type: "line",
              showSymbol: false,
              data: rows.map((r) => (r.gap === null ? null : Math.round(r.gap * 100) / 100)),
              markArea: {
                silent: true,
                data: [
                  [
                    { yAxis: gap.bands.low, itemStyle: { color: "rgba(237,174,73,0.18)" } },
                    { yAxis: gap.bands.high },
                  ],
                  [{ yAxis: gap.bands.high, itemStyle: { color: "rgba(209,73,91,0.15)" } }, { yAxis: 1000 }],
                ],
              },
              markLine: {
                symbol: "none",
                lineStyle: { color: "#000", type: "dashed" },
                label: { formatter: "{b}", fontSize: 10 },
                data: crises
                  .filter((c) => dates.includes(`${c}-Q1`))
                  .map((c) => ({ name: String(c), xAxis: `${c}-Q1` })),
              },
            },
            {
              name: lang === "zh" ? "BIS公布缺口" : "BIS published gap",
              type: "line",
              showSymbol: false,
              lineStyle: { type: "dotted" },
              data: rows.map((r) => (r.bisGap === null || r.bisGap === undefined ? null : r.bisGap)),
            },
          ],
        },
        {
          columns: ["date", "ratio", "trend", "gap", "bis_gap", "buffer_guide"],
          rows: rows.map((r) => [r.date, r.ratio, r.trend, r.gap, r.bisGap ?? null, r.bufferGuide]),
        },
      );
  }

  // 4. Evidence per year.
  root.append(
    sortableTable(
      `${t("recession.evidence")}: ${countryName}`,
      [
        { key: "year", label: t("year"), numeric: true, value: (y) => y.year },
        {
          key: "stage",
          label: t("stage"),
          value: (y) => y.stage,
          render: (y) =>
            h(
              "span",
              { class: "stage", style: `border-color:${stageCss(y.stage)}` },
              stageLabel(y.stage, lang),
            ),
        },
        { key: "fired", label: t("fired"), value: (y) => y.fired.map((f) => markLabel(f, lang)).join(", ") },
        {
          key: "detail",
          label: t("recession.evidence"),
          value: (y) =>
            y.signals
              .filter((s) => s.fired)
              .map((s) => detail(y.year, s))
              .concat(said.get(y.year)?.notes ?? y.notes)
              .join(lang === "zh" ? "；" : "; "),
        },
      ],
      years,
      { testId: "evidence" },
    ),
    // 5. The monitor's skill score over all countries (filled in when the evaluation arrives).
    skillSection(lang),
    warningSection(lang, country),
  );
};
