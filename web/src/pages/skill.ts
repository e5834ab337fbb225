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
