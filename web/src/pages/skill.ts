import { getJson } from "../api.ts";
import { chartPanel } from "../charts.ts";
import { errorBox, h } from "../dom.ts";
import { formatNumber } from "../format.ts";
import { t } from "../i18n.ts";
import type { Lang } from "../state.ts";
import { sortableTable } from "../table.ts";
import type { Evaluation, SkillScore } from "../types.ts";

interface Row {
  sample: string;
  score: "composite" | "credit gap";
  skill: SkillScore;
  positives: number;
  negatives: number;
  countries: number;
  winner: string;
}

const ci = (c: [number, number] | null, lang: Lang) =>
  c ? `${formatNumber(c[0], lang, 3)} – ${formatNumber(c[1], lang, 3)}` : "–";

/**
 * The monitor's honest skill score (`GET /api/recession/evaluate`): out-of-sample AUROC of the
 * composite warning and of the credit gap alone on the same observations, with DeLong and bootstrap
 * 95% intervals, the noise-to-signal ratio and the sample sizes; a bar chart of the AUROCs with
 * their intervals. Loads after the rest of the page (the first answer takes seconds).
 */
export function skillSection(lang: Lang, window = "5-12q"): HTMLElement {
  const box = h(
    "div",
    { "data-testid": "skill" },
    h("h3", { class: "section-title" }, `${t("skill.title")} (${window})`),
    h("p", { class: "muted", "data-testid": "skill-status" }, t("skill.loading")),
  );
  void getJson<Evaluation>(`/api/recession/evaluate?window=${encodeURIComponent(window)}`).then(
    (ev) => fill(ev),
    (error: unknown) => box.append(errorBox(error)),
  );
  function fill(ev: Evaluation) {
    box.querySelector("[data-testid=skill-status]")?.remove();
    const rows: Row[] = ev.results.flatMap((r) =>
      (["composite", "credit gap"] as const).map((score) => ({
        sample: r.name,
        score,
        skill: score === "composite" ? r.composite : r.creditGap,
        positives: r.positives,
        negatives: r.negatives,
        countries: r.countries,
        winner: r.winner,
      })),
    );
    const scoreLabel = (s: Row["score"]) => (s === "composite" ? t("skill.composite") : t("skill.gap"));
    const panel = chartPanel(`${t("skill.chart")} (${ev.window.text})`, {
      height: 260,
      testId: "skill-chart",
    });
    box.append(
      h("p", { class: "lead" }, t("skill.lead")),
      ...ev.results.map((r) =>
        h(
          "p",
          { class: "muted" },
          h("b", {}, `${r.name}: `),
          `${r.description}. ${t("skill.winner")}: ${r.winner}.`,
        ),
      ),
      sortableTable(
        `${t("skill.table")} (${ev.window.text})`,
        [
          { key: "sample", label: t("skill.sample"), value: (x) => x.sample },
          { key: "score", label: t("skill.score"), value: (x) => scoreLabel(x.score) },
          {
            key: "auroc",
            label: "AUROC",
            numeric: true,
            value: (x) => x.skill.auroc,
            render: (x) => formatNumber(x.skill.auroc, lang, 3),
          },
          { key: "delong", label: t("skill.delong"), value: (x) => ci(x.skill.delongCi, lang) },
          { key: "bootstrap", label: t("skill.bootstrap"), value: (x) => ci(x.skill.bootstrapCi, lang) },
          {
            key: "nsr",
            label: t("skill.nsr"),
            numeric: true,
            value: (x) => x.skill.nsrAtTpr67,
            render: (x) => formatNumber(x.skill.nsrAtTpr67, lang, 3),
          },
          { key: "positives", label: t("skill.positives"), numeric: true, value: (x) => x.positives },
          { key: "negatives", label: t("skill.negatives"), numeric: true, value: (x) => x.negatives },
          { key: "countries", label: t("skill.countries"), numeric: true, value: (x) => x.countries },
        ],
        rows,
        { testId: "skill-table", rowClass: (x) => (x.winner === x.score ? "hl" : undefined) },
      ),
      panel.el,
    );
    if (ev.skipped.length)
      box.append(h("p", { class: "muted" }, ev.skipped.map((s) => `${s.name}: ${s.reason}`).join("; ")));
    // One bar per sample and score, its DeLong 95% interval as a whisker, chance (0.5) dashed.
    const cats = rows.map((r) => `${r.sample.split(" x ")[0]} · ${scoreLabel(r.score)}`);
    panel.render(
      {
        tooltip: {
          trigger: "item",
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex];
            return r
              ? `${r.sample}<br>${scoreLabel(r.score)}: <b>${formatNumber(r.skill.auroc, lang, 3)}</b><br>DeLong ${ci(r.skill.delongCi, lang)}`
              : "";
          },
        },
        grid: { left: 230, right: 40, top: 10, bottom: 30 },
        xAxis: { type: "value", min: 0.3, max: 1, name: "AUROC" },
        yAxis: { type: "category", data: cats, inverse: true },
        series: [
          {
            type: "bar",
            barWidth: "50%",
            data: rows.map((r) => ({
              value: r.skill.auroc,
              itemStyle: { color: r.score === "composite" ? "#d1495b" : "#2f6fb0" },
            })),
            label: { show: true, position: "insideLeft", color: "#fff", formatter: "{c}" },
            markLine: {
              symbol: ["none", "none"],
              silent: true,
              lineStyle: { color: "#1d2530", width: 2, type: "solid" },
              label: { show: false },
              data: [
                { xAxis: 0.5, lineStyle: { type: "dashed", color: "#888", width: 1 } },
                ...rows
                  .map((r, i) => ({ r, i }))
                  .filter(({ r }) => r.skill.delongCi)
                  .map(({ r, i }) => [
                    { coord: [r.skill.delongCi![0], i] },
                    { coord: [r.skill.delongCi![1], i] },
                  ]),
              ],
            },
          },
        ],
      },
      {
        columns: [
          "sample",
          "score",
          "auroc",
          "delong_lo",
          "delong_hi",
          "bootstrap_lo",
          "bootstrap_hi",
          "nsr_tpr67",
          "positives",
          "negatives",
          "countries",
        ],
        rows: rows.map((r) => [
          r.sample,
          r.score,
          r.skill.auroc,
          r.skill.delongCi?.[0] ?? null,
          r.skill.delongCi?.[1] ?? null,
          r.skill.bootstrapCi?.[0] ?? null,
          r.skill.bootstrapCi?.[1] ?? null,
          r.skill.nsrAtTpr67,
          r.positives,
          r.negatives,
          r.countries,
        ]),
      },
    );
    box.dataset.ready = "1";
  }
  return box;
}

/** `GET /api/recession/warning`: one row per sample, horizon and candidate (test years). */
interface WarningAnswer {
  results: Array<{
    sample: string;
    horizon: string;
    positives: number;
    negatives: number;
    chosen: string;
    test: Array<{
      candidate: string;
      auroc: number | null;
      ci: [number, number] | null;
      hitRate: number | null;
      falseAlarmRate: number | null;
      noiseToSignal: number | null;
    }>;
    validation: Array<{ candidate: string; auroc: number | null }>;
    difference: { auroc: number | null; ci: [number, number] | null };
    leaveOneCountryOut: number | null;
    leaveOneCountryOutGap?: number | null;
  }>;
  dsr?: Array<{
    horizon: string;
    positives: number;
    negatives: number;
    dsrGap: { auroc: number | null; ci: [number, number] | null };
    creditGap: { auroc: number | null; ci: [number, number] | null };
    difference: { auroc: number | null; ci: [number, number] | null };
  }>;
  skipped: { sample: string; reason: string }[];
}

/** `GET /api/recession/warn/:country`. */
interface WarnAnswer {
  country: { iso2: string; name: string };
  sample: string;
  horizon: string;
  model: string;
  date: string;
  probability: number;
  threshold: number;
  signal: boolean;
  scale?: "probability" | "mean training percentile";
  features: { name: string; value: number; contribution: number | null }[];
}

interface WarningRow {
  sample: string;
  horizon: string;
  candidate: string;
  chosen: boolean;
  auroc: number | null;
  ci: [number, number] | null;
  hit: number | null;
  fa: number | null;
  nsr: number | null;
  validation: number | null;
}

/**
 * The early-warning evaluation (`GET /api/recession/warning`: every candidate's test-year AUROC
 * with its cluster-bootstrap interval, hit rate, false alarms, noise-to-signal, the validation
 * AUROC that chose the model, the chosen model minus the credit gap, leave one country out) and the
 * country's current warning (`GET /api/recession/warn/:country`) with the features behind it.
 */
export function warningSection(lang: Lang, country: string): HTMLElement {
  const box = h(
    "div",
    { "data-testid": "warning" },
    h("h3", { class: "section-title" }, t("skill.warningTitle")),
    h("p", { class: "muted", "data-testid": "warning-status" }, t("skill.loading")),
  );
  const n3 = (v: number | null) => formatNumber(v, lang, 3);
  void getJson<WarnAnswer>(`/api/recession/warn/${encodeURIComponent(country)}`).then(
    (w) => {
      box.append(
        h("h4", {}, `${t("skill.warnTitle")}: ${w.country.name} (${w.date})`),
        h(
          "p",
          { class: "lead", "data-testid": "warn-probability" },
          `${w.scale === "mean training percentile" ? t("skill.warningScore") : t("skill.probability")} ${w.horizon}: `,
          h("b", {}, n3(w.probability)),
          ` (${w.signal ? t("skill.signal") : t("skill.noSignal")}; ${n3(w.threshold)}; ${w.model}, ${w.sample})`,
        ),
        sortableTable(
          `${t("skill.warnTitle")}: ${w.country.name}`,
          [
            { key: "feature", label: t("skill.feature"), value: (f) => f.name },
            { key: "value", label: t("skill.value"), numeric: true, value: (f) => f.value },
            {
              key: "contribution",
              label: t("skill.contribution"),
              numeric: true,
              value: (f) => f.contribution,
              render: (f) => n3(f.contribution),
            },
          ],
          w.features,
          { testId: "warn-features" },
        ),
      );
    },
    (error: unknown) => box.append(errorBox(error)),
  );
  void getJson<WarningAnswer>("/api/recession/warning").then(
    (ev) => {
      box.querySelector("[data-testid=warning-status]")?.remove();
      const rows: WarningRow[] = ev.results.flatMap((r) =>
        r.test.map((s) => ({
          sample: r.sample,
          horizon: r.horizon,
          candidate: s.candidate,
          chosen: s.candidate === r.chosen,
          auroc: s.auroc,
          ci: s.ci,
          hit: s.hitRate,
          fa: s.falseAlarmRate,
          nsr: s.noiseToSignal,
          validation: r.validation.find((v) => v.candidate === s.candidate)?.auroc ?? null,
        })),
      );
      box.append(
        h("p", { class: "muted" }, t("skill.warningLead")),
        sortableTable(
          t("skill.warningTitle"),
          [
            { key: "sample", label: t("skill.sample"), value: (x) => x.sample },
            { key: "horizon", label: t("skill.horizon"), value: (x) => x.horizon },
            {
              key: "candidate",
              label: t("skill.candidate"),
              value: (x) => x.candidate + (x.chosen ? " *" : ""),
            },
            {
              key: "auroc",
              label: "AUROC",
              numeric: true,
              value: (x) => x.auroc,
              render: (x) => n3(x.auroc),
            },
            { key: "ci", label: t("skill.bootstrap"), value: (x) => ci(x.ci, lang) },
            {
              key: "hit",
              label: t("skill.hit"),
              numeric: true,
              value: (x) => x.hit,
              render: (x) => n3(x.hit),
            },
            {
              key: "fa",
              label: t("skill.falseAlarms"),
              numeric: true,
              value: (x) => x.fa,
              render: (x) => n3(x.fa),
            },
            {
              key: "nsr",
              label: t("skill.nsr10"),
              numeric: true,
              value: (x) => x.nsr,
              render: (x) => n3(x.nsr),
            },
            {
              key: "validation",
              label: t("skill.validation"),
              numeric: true,
              value: (x) => x.validation,
              render: (x) => n3(x.validation),
            },
          ],
          rows,
          { testId: "warning-table", rowClass: (x) => (x.chosen ? "hl" : undefined) },
        ),
        ...ev.results.map((r) =>
          h(
            "p",
            { class: "muted" },
            `${r.sample}, ${r.horizon}: ${t("skill.diff")} ${n3(r.difference.auroc)} [${ci(r.difference.ci, lang)}]; ${t("skill.loco")} ${n3(r.leaveOneCountryOut)} (${t("skill.locoGap")} ${n3(r.leaveOneCountryOutGap ?? null)})`,
          ),
        ),
        ...(ev.dsr ?? []).map((d) =>
          h(
            "p",
            { class: "muted", "data-testid": "warning-dsr" },
            `${t("skill.dsr")}, ${d.horizon}: ${n3(d.dsrGap.auroc)} [${ci(d.dsrGap.ci, lang)}] / ${n3(d.creditGap.auroc)} [${ci(d.creditGap.ci, lang)}]; ${n3(d.difference.auroc)} [${ci(d.difference.ci, lang)}] (${d.positives}/${d.negatives})`,
          ),
        ),
      );
      if (ev.skipped.length)
        box.append(h("p", { class: "muted" }, ev.skipped.map((s) => `${s.sample}: ${s.reason}`).join("; ")));
      box.dataset.ready = "1";
    },
    (error: unknown) => box.append(errorBox(error)),
  );
  return box;
}
