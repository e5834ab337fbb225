import { postJson } from "../api.ts";
import { chartPanel } from "../charts.ts";
import { errorBox, h, input, select } from "../dom.ts";
import { formatNumber } from "../format.ts";
import { t } from "../i18n.ts";
import { setParams, type Lang } from "../state.ts";
import type { ModelInfo, SweepAnswer } from "../types.ts";

/** One swept parameter: its name and the grid from, to, step. */
interface Axis {
  name: string;
  from: number;
  to: number;
  step: number;
}

/** `alpha1:0.5:0.7:0.05` (the URL form of an axis) -> Axis. */
function parseAxis(text: string | null): Axis | undefined {
  const [name, ...nums] = (text ?? "").split(":");
  const [from, to, step] = nums.map(Number);
  if (!name || nums.length !== 3 || ![from, to, step].every((x) => Number.isFinite(x))) return undefined;
  return { name, from: from!, to: to!, step: step! };
}

const axisText = (a: Axis) => `${a.name}:${a.from}:${a.to}:${a.step}`;

/** A readable number for an axis value or a grid default: 0.15000000000000002 -> 0.15. */
const tidy = (x: number) => Number(x.toPrecision(10));

/** A default grid around a value: half to one and a half times it in ten steps (0..1 for zero). */
function defaultAxis(name: string, value: number): Axis {
  if (value === 0) return { name, from: 0, to: 1, step: 0.1 };
  const a = tidy(value * 0.5);
  const b = tidy(value * 1.5);
  return { name, from: Math.min(a, b), to: Math.max(a, b), step: tidy(Math.abs(b - a) / 10) };
}

/**
 * The scenario lab's sweep: one or two parameters over a grid (`POST /api/sim/sweep`), one output
 * variable at one period; a line chart for one parameter, a heatmap for two. The grid and the output
 * are kept in the URL (`sw.1`, `sw.2`, `sw.out`), so a sweep can be shared; a shared one runs on load.
 */
export function sweepPanel(opts: {
  model: string;
  info: ModelInfo;
  periods: number;
  lang: Lang;
  params: URLSearchParams;
}): HTMLElement {
  const { model, info, periods, lang, params } = opts;
  const knobs = [...info.parameters, ...info.exogenous];
  const defaults = new Map(knobs.map((k) => [k.name, k.value]));
  const names = knobs.map((k) => k.name);
  const first = knobs[0] ?? { name: "", value: 0 };
  const fromUrl1 = parseAxis(params.get("sw.1"));
  const fromUrl2 = parseAxis(params.get("sw.2"));
  const axes: Array<Axis | undefined> = [
    fromUrl1 && defaults.has(fromUrl1.name) ? fromUrl1 : defaultAxis(first.name, first.value),
    fromUrl2 && defaults.has(fromUrl2.name) ? fromUrl2 : undefined,
  ];
  const [outVar0, outPeriod0] = (params.get("sw.out") ?? "").split("@");
  let outVar = outVar0 && info.endogenous.includes(outVar0) ? outVar0 : (info.endogenous[0] ?? "");
  let outPeriod = Number(outPeriod0) >= 1 ? Math.min(Number(outPeriod0), periods) : periods;

  // ECharts reads its registered visual encoders when a chart is created, so the heatmap and its
  // colour scale must be registered before this panel's chart exists.
  const heatmapReady = import("../echarts-heatmap.ts");
  const status = h("p", { class: "muted", "data-testid": "sweep-status" });
  const errorSlot = h("div");
  const panel = chartPanel(t("sweep.title"), { height: 380, testId: "sweep-chart" });
  panel.el.hidden = true;

  // The grid fields of one axis; the second axis can be switched off ("none").
  const axisFields = (i: 0 | 1) => {
    const box = h("div", { class: "controls sweep-axis", "data-testid": `sweep-axis-${i + 1}` });
    const fill = () => {
      const a = axes[i];
      const num = (key: "from" | "to" | "step") =>
        input(
          t(`sweep.${key}`),
          `sweep-${key}-${i + 1}`,
          a ? String(a[key]) : "",
          (v) => {
            if (axes[i]) axes[i]![key] = Number(v);
          },
          { type: "number", step: "any", size: 8, disabled: !a },
        );
      const options = names.map((n) => ({ value: n, text: `${n} (${defaults.get(n)})` }));
      box.replaceChildren(
        select(
          `${t("sweep.parameter")} ${i + 1}`,
          `sweep-param-${i + 1}`,
          i === 1 ? [{ value: "", text: t("sweep.none") }, ...options] : options,
          a?.name ?? "",
          (v) => {
            axes[i] = v ? defaultAxis(v, defaults.get(v) ?? 0) : undefined;
            fill();
          },
          { ids: true },
        ),
        num("from"),
        num("to"),
        num("step"),
      );
    };
    fill();
    return box;
  };

  const runButton = h("button", { type: "button", "data-testid": "sweep-run" }, t("sweep.run"));
  const form = h(
    "section",
    { class: "panel sweep", "data-testid": "sweep" },
    h("h3", {}, t("sweep.title")),
    h("p", { class: "muted" }, t("sweep.help")),
    axisFields(0),
    axisFields(1),
    h(
      "div",
      { class: "controls" },
      select(
        t("sweep.output"),
        "sweep-output",
        info.endogenous.map((v) => ({ value: v, text: v })),
        outVar,
        (v) => (outVar = v),
        { ids: true },
      ),
      input(
        t("sweep.period"),
        "sweep-period",
        String(outPeriod),
        (v) => (outPeriod = Math.round(Number(v))),
        { type: "number", min: 1, max: periods, size: 5 },
      ),
      runButton,
    ),
    status,
    errorSlot,
  );

  async function run() {
    const grid = axes.filter((a): a is Axis => a !== undefined);
    if (grid.length === 0) return;
    setParams(
      {
        "sw.1": axisText(grid[0]!),
        "sw.2": grid[1] ? axisText(grid[1]) : null,
        "sw.out": `${outVar}@${outPeriod}`,
      },
      true,
    );
    errorSlot.replaceChildren();
    runButton.disabled = true;
    status.textContent = t("loading");
    const t0 = performance.now();
    let res: SweepAnswer;
    try {
      [res] = await Promise.all([
        postJson<SweepAnswer>("/api/sim/sweep", {
          model,
          periods,
          grid,
          outputs: [{ name: outVar, period: outPeriod }],
        }),
        heatmapReady,
      ]);
    } catch (error) {
      errorSlot.replaceChildren(errorBox(error));
      status.textContent = "";
      return;
    } finally {
      runButton.disabled = false;
    }
    status.textContent = `${res.runs} ${t("sweep.runs")} · ${Math.round(performance.now() - t0)} ms`;
    panel.el.hidden = false;
    draw(res);
  }

  function draw(res: SweepAnswer) {
    const out = res.outputs[0]!;
    const value = (r: Record<string, number | null>) => {
      const v = r[out];
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    };
    const fmt = (v: number) => formatNumber(v, lang, Math.abs(v) >= 100 ? 2 : 4);
    const csv = {
      columns: [...res.names, out],
      rows: res.rows.map((r) => [...res.names.map((n) => r[n] ?? null), value(r)]),
    };
    const [a, b] = res.names as [string, string | undefined];
    panel.setTitle(`${info.name}: ${out} ${t("sweep.by")} ${res.names.join(" × ")}`);
    if (!b) {
      const data = res.rows.map((r) => [tidy(r[a]!), value(r)]);
      panel.render(
        {
          tooltip: { trigger: "axis", valueFormatter: (v: number) => fmt(v) },
          grid: { left: 70, right: 30, top: 20, bottom: 45 },
          xAxis: { type: "value", name: a, nameLocation: "middle", nameGap: 28, scale: true },
          yAxis: { type: "value", name: out, scale: true },
          series: [{ name: out, type: "line", symbolSize: 6, data, lineStyle: { color: "#2f6fb0" } }],
        },
        csv,
      );
      panel.el.dataset.kind = "line";
      panel.el.dataset.points = String(data.length);
      return;
    }
    const xs = [...new Set(res.rows.map((r) => tidy(r[a]!)))];
    const ys = [...new Set(res.rows.map((r) => tidy(r[b]!)))];
    const data = res.rows.map((r) => [xs.indexOf(tidy(r[a]!)), ys.indexOf(tidy(r[b]!)), value(r)]);
    const vals = data.map((d) => d[2]).filter((v): v is number => v !== null);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    panel.render(
      {
        tooltip: {
          trigger: "item",
          formatter: (p: { data: [number, number, number | null] }) =>
            `${a} = ${xs[p.data[0]]}<br>${b} = ${ys[p.data[1]]}<br><b>${out} = ${p.data[2] === null ? "–" : fmt(p.data[2])}</b>`,
        },
        grid: { left: 80, right: 110, top: 20, bottom: 50 },
        xAxis: { type: "category", name: a, nameLocation: "middle", nameGap: 30, data: xs.map(String) },
        yAxis: { type: "category", name: b, data: ys.map(String) },
        visualMap: {
          type: "continuous",
          min: lo,
          max: hi === lo ? lo + 1 : hi,
          calculable: true,
          right: 10,
          top: "middle",
          text: [out, ""],
          inRange: { color: ["#2f6fb0", "#f7f7f7", "#d1495b"] },
          formatter: (v: number) => fmt(v),
        },
        series: [{ name: out, type: "heatmap", data, emphasis: { itemStyle: { borderColor: "#000" } } }],
      },
      csv,
    );
    panel.el.dataset.kind = "heatmap";
    panel.el.dataset.points = String(data.length);
  }

  runButton.addEventListener("click", () => void run());
  const root = h("div", { class: "sweep-wrap" }, form, panel.el);
  if (fromUrl1) queueMicrotask(() => void run());
  return root;
}
