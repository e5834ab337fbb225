import { getJson, postJson } from "../api.ts";
import { chartPanel, type ChartPanel } from "../charts.ts";
import { errorBox, h, select } from "../dom.ts";
import { honestScale } from "../axes.ts";
import { formatNumber } from "../format.ts";
import { modelTitle, t } from "../i18n.ts";
import { bsrLevers, genericLever, leverPosition, leverValue, OFF, type Lever } from "../levers.ts";
import type { Page } from "../page.ts";
import { setParams } from "../state.ts";
import type { ModelInfo, RunAnswer } from "../types.ts";
import { controls, heading } from "./common.ts";

/**
 * Scenario lab. BSR (the balance-sheet-recession model) runs from its start values with the chosen
 * policy levers set for the whole run; the Godley-Lavoie models start from their stationary state
 * and the changed values apply as shocks from the chosen period. Every slider move re-runs the
 * model on the server and redraws the baseline (dashed) against the scenario.
 */
export const scenarioPage: Page = async ({ root, params, lang }) => {
  const { models } = await getJson<{ models: ModelInfo[] }>("/api/models");
  const names = models.map((m) => m.name.toLowerCase());
  const modelName =
    params.get("model") ??
    (names.includes("bsr") ? "bsr" : names.includes("pc") ? "pc" : (names[0] ?? "sim"));
  const info = models.find((m) => m.name.toLowerCase() === modelName);
  if (!info) throw new Error(`unknown model ${JSON.stringify(modelName)} (built-in: ${names.join(", ")})`);
  const bsr = modelName === "bsr";
  // Values from the URL are checked: a bad one is reported beside its control, which keeps working
  // from the model's own value (never sent as null, never run as 0).
  const bad = new Map<string, string>();
  const numberParam = (key: string, fallback: number, ok: (v: number) => boolean = () => true) => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const v = Number(raw);
    if (raw.trim() !== "" && Number.isFinite(v) && ok(v)) return v;
    bad.set(key, raw);
    return fallback;
  };
  const badNote = (key: string) =>
    bad.has(key)
      ? h(
          "span",
          { class: "field-error", role: "alert", "data-testid": `bad-${key}` },
          `${key}=${bad.get(key)} ${t(Number.isFinite(Number(bad.get(key))) ? "badValue.range" : "badValue.number")}`,
        )
      : null;
  const periods = numberParam("periods", bsr ? 80 : 60, (v) => Number.isInteger(v) && v >= 2 && v <= 1000);
  const mode: "set" | "shock" = bsr ? "set" : "shock";
  const defaults = new Map([...info.parameters, ...info.exogenous].map((g) => [g.name, g.value]));
  const levers: Lever[] = bsr
    ? bsrLevers(periods).filter((l) => defaults.has(l.name))
    : [...info.exogenous, ...info.parameters].map((g) => genericLever(g.name, g.value));
  const values = new Map(levers.map((l) => [l.name, numberParam(`v.${l.name}`, defaults.get(l.name)!)]));
  let shockAt = numberParam("at", 5, (v) => Number.isInteger(v) && v >= 2 && v < periods);
  const endo = info.endogenous;
  const pick = (wanted: string[], fallback: string) => wanted.find((v) => endo.includes(v)) ?? fallback;
  let var1 = params.get("var1") ?? pick(["Y"], endo[0] ?? "");
  let var2 = params.get("var2") ?? pick(bsr ? ["Lf", "NPL"] : ["V", "Hh", "Bh"], endo[1] ?? var1);

  const changedParams = () =>
    Object.fromEntries(
      levers.map((l) => [
        `v.${l.name}`,
        values.get(l.name) !== defaults.get(l.name) ? String(values.get(l.name)) : null,
      ]),
    );
  root.append(
    heading(
      `${t("scenario.title")}: ${info.name}`,
      modelTitle(info.name, lang === "zh" ? (info.titleZh ?? "") : info.title, lang) || undefined,
    ),
    controls(
      select(
        t("scenario.model"),
        "model",
        models.map((m) => {
          // A model without a catalogue title (one the user imported) is named only on the Chinese page.
          const title = modelTitle(m.name, lang === "zh" ? (m.titleZh ?? "") : m.title, lang);
          return {
            value: m.name.toLowerCase(),
            text: title ? `${m.name}${lang === "zh" ? "：" : ": "}${title}` : m.name,
          };
        }),
        modelName,
        (v) =>
          setParams({
            model: v,
            var1: null,
            var2: null,
            at: null,
            periods: null,
            ...Object.fromEntries(levers.map((l) => [`v.${l.name}`, null])),
          }),
      ),
      select(
        t("scenario.variable"),
        "var1",
        endo.map((v) => ({ value: v, text: v })),
        var1,
        (v) => {
          var1 = v;
          setParams({ var1: v }, true);
          schedule();
        },
        { ids: true },
      ),
      select(
        `${t("scenario.variable")} 2`,
        "var2",
        endo.map((v) => ({ value: v, text: v })),
        var2,
        (v) => {
          var2 = v;
          setParams({ var2: v }, true);
          schedule();
        },
        { ids: true },
      ),
    ),
  );

  const status = h("p", { class: "muted", "data-testid": "scenario-status" });
  const sliders = h("div", { class: "sliders", "data-testid": "sliders" });
  const periodsNote = badNote("periods");
  if (periodsNote) sliders.append(periodsNote);
  if (mode === "shock") {
    const timing = h("input", {
      type: "range",
      name: "at",
      min: 2,
      max: periods - 1,
      step: 1,
      value: shockAt,
      "data-testid": "slider-at",
    });
    const out = h("output", {}, String(shockAt));
    timing.addEventListener("input", () => {
      shockAt = Number(timing.value);
      out.textContent = String(shockAt);
      schedule();
    });
    sliders.append(h("label", { class: "slider" }, h("span", {}, t("scenario.shockAt")), timing, out));
    const note = badNote("at");
    if (note) sliders.append(note);
  }
  const show = (l: Lever, v: number) =>
    l.timing
      ? v >= OFF
        ? lang === "zh"
          ? "不实施"
          : "off"
        : String(v)
      : formatNumber(v, lang, l.step < 0.01 ? 4 : l.step < 1 ? 2 : 0);
  for (const l of levers) {
    const el = h("input", {
      type: "range",
      name: l.name,
      min: l.min,
      max: l.max,
      step: l.step,
      value: leverPosition(l, values.get(l.name)!),
      "data-testid": `slider-${l.name}`,
    });
    const out = h("output", {}, show(l, values.get(l.name)!));
    const row = h(
      "label",
      { class: "slider", title: `${l.name} (baseline ${defaults.get(l.name)})` },
      // A parameter without a label of its own is named by its id.
      h("span", { translate: l.label.en === l.name ? "no" : undefined }, l.label[lang]),
      el,
      out,
    );
    const mark = () => row.classList.toggle("changed", values.get(l.name) !== defaults.get(l.name));
    mark();
    const note = badNote(`v.${l.name}`);
    el.addEventListener("input", () => {
      note?.remove();
      values.set(l.name, leverValue(l, Number(el.value)));
      out.textContent = show(l, values.get(l.name)!);
      mark();
      schedule();
    });
    sliders.append(row);
    if (note) sliders.append(note);
  }
  const reset = h(
    "button",
    {
      type: "button",
      onclick: () => setParams(Object.fromEntries(levers.map((l) => [`v.${l.name}`, null]))),
    },
    t("scenario.reset"),
  );
  const charts: ChartPanel[] = [
    chartPanel(var1, { height: 300, testId: "scenario-chart-1" }),
    chartPanel(var2, { height: 300, testId: "scenario-chart-2" }),
  ];
  const errorSlot = h("div");
  root.append(
    h(
      "div",
      { class: "lab" },
      h("aside", {}, sliders, reset, status),
      h("div", { class: "lab-charts" }, errorSlot, ...charts.map((c) => c.el)),
    ),
  );

  let pending: AbortController | undefined;
  let queued = false;
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      void run();
    });
  }
  async function run() {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    const changed = levers.filter((l) => values.get(l.name) !== defaults.get(l.name));
    setParams({ at: mode === "shock" ? String(shockAt) : null, ...changedParams() }, true);
    const body =
      mode === "set"
        ? { set: Object.fromEntries(changed.map((l) => [l.name, values.get(l.name)!])), start: "initial" }
        : {
            shocks: changed.map((l) => ({ name: l.name, value: values.get(l.name)!, from: shockAt })),
            start: "steady",
          };
    const t0 = performance.now();
    let res: RunAnswer;
    try {
      res = await postJson<RunAnswer>(
        "/api/sim/run",
        { model: modelName, periods, baseline: true, variables: [...new Set([var1, var2])], ...body },
        controller.signal,
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      errorSlot.replaceChildren(errorBox(error));
      // The charts no longer match the sliders: grey them until a run succeeds.
      for (const c of charts) c.el.classList.add("stale");
      return;
    }
    errorSlot.replaceChildren();
    for (const c of charts) c.el.classList.remove("stale");
    const what = changed
      .map((l) => `${l.name}=${show(l, values.get(l.name)!)}${mode === "shock" ? `@${shockAt}` : ""}`)
      .join(", ");
    status.textContent = `${what || (lang === "zh" ? "与基准相同" : "same as baseline")} · ${Math.round(performance.now() - t0)} ms`;
    [var1, var2].forEach((v, i) => draw(charts[i]!, v, res));
  }
  function draw(panel: ChartPanel, v: string, res: RunAnswer) {
    const xs = Array.from({ length: res.periods }, (_, i) => i + 1);
    const scen = res.scenario[v] ?? [];
    const base = res.baseline?.[v] ?? [];
    panel.setTitle(
      `${info!.name} ${v}: ${t("scenario.baseline")} ${t("scenario.vs")} ${t("scenario.scenario")}`,
    );
    panel.render(
      {
        tooltip: { trigger: "axis", valueFormatter: (x: number) => formatNumber(x, lang, 3) },
        legend: { bottom: 0 },
        grid: { left: 60, right: 30, top: 20, bottom: 50 },
        xAxis: { type: "category", name: t("period"), data: xs },
        yAxis: { type: "value", ...honestScale },
        series: [
          {
            name: t("scenario.baseline"),
            type: "line",
            showSymbol: false,
            lineStyle: { type: "dashed", color: "#888" },
            itemStyle: { color: "#888" },
            data: base,
          },
          {
            name: t("scenario.scenario"),
            type: "line",
            showSymbol: false,
            lineStyle: { width: 2.5, color: "#d1495b" },
            itemStyle: { color: "#d1495b" },
            data: scen,
          },
        ],
      },
      {
        columns: ["period", `${v}_baseline`, `${v}_scenario`],
        labels: [t("period"), `${v} ${t("scenario.baseline")}`, `${v} ${t("scenario.scenario")}`],
        rows: xs.map((p, i) => [p, base[i] ?? null, scen[i] ?? null]),
      },
      {
        entity: `${info!.name}: ${info!.title}`,
        unit: lang === "zh" ? "模型单位" : "model units",
        source: lang === "zh" ? `bslab 模型 ${info!.name}（models/）` : `bslab model ${info!.name} (models/)`,
      },
      { update: true },
    );
    panel.el.dataset.sum = String(scen.reduce((a, x) => a + x, 0));
  }
  await run();
  // The sweep panel (and the heatmap it may draw) is its own chunk, loaded after the first chart.
  const { sweepPanel } = await import("./sweep.ts");
  root.append(sweepPanel({ model: modelName, info, periods, lang, params }));
};
