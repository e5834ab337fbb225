import type { Command } from "commander";

import { msg } from "../../i18n/catalogue.ts";

import { UsageError } from "../../errors.ts";
import { recessionMessages } from "../../recession/messages.ts";
import {
  creditGap,
  type Diagnosis,
  earlyWarning,
  evaluateReport,
  parseWindow,
  warning as countryWarning,
  resolveCountry,
  seriesSourceText,
} from "../../recession/index.ts";
import { parseFormat, render, type Row } from "../output.ts";
import { withCliStore } from "../store.ts";
import { signalName } from "../../report/i18n.ts";
import { DEPTH_ZH, evidenceText, sourceZh } from "../../recession/evidence.ts";
import { diagnoseData, localize } from "../../recession/stages.ts";
import { loadCountryData } from "../../recession/country-data.ts";

// "1985-1990, 1995" from sorted years.
function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length;) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(i === j ? String(years[i]) : `${years[i]}-${years[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

/** Signals that were not computable, grouped by signal and reason with their years. */
export function notComputableSummary(d: Diagnosis): string[] {
  const by = new Map<string, number[]>();
  for (const y of d.timeline)
    for (const s of y.signals)
      if (s.fired === null) {
        // Year-specific reasons ("no CPI for 1985") are grouped under their year-free text.
        const reason = (s.reason ?? s.detail)
          .replace(/\b(for|in) \d{4}(-\d{4})?\b/g, "")
          .replace(/\s+/g, " ");
        const key = `${s.id}: not computable: ${reason.trim()}`;
        by.set(key, [...(by.get(key) ?? []), y.year]);
      }
  return [...by].map(([k, ys]) => `${k} [${yearRanges(ys)}]`);
}

// The table output in Chinese, from `localize`'s texts.
function writeZh(d: Diagnosis): void {
  const tx = d.text!;
  const rows: Row[] = d.timeline.map((y, i) => ({
    年份: y.year,
    阶段: tx.years[i]!.stage,
    信号: y.fired.map((f) => signalName(f, "zh")).join("、"),
    evidence: y.signals
      .filter((s) => s.fired)
      .map((s) => `${signalName(s.id, "zh")}：${tx.years[i]!.evidence[s.id]}`)
      .concat(tx.years[i]!.notes)
      .join(" | "),
  }));
  process.stdout.write(`${tx.country}（${d.country.iso2}）${d.from}–${d.to}年\n`);
  if (d.missingDatasets.length > 0)
    process.stdout.write(
      `未安装的数据集：${d.missingDatasets.map((m) => `${m.id}（data/${m.id}/）`).join("；")}\n`,
    );
  process.stdout.write(render(rows, "table", ["年份", "阶段", "信号"]));
  process.stdout.write("\n证据：\n");
  for (const r of rows) if (r.evidence) process.stdout.write(`  ${r["年份"]}【${r["阶段"]}】${r.evidence}\n`);
  process.stdout.write(`\n判断：${tx.verdict}\n`);
  if (tx.boomMark) process.stdout.write(`繁荣期标志：${tx.boomMark}\n`);
  d.episodes.forEach((e, i) => {
    const depth = Object.entries(e.depth)
      .map(([k, v]) => `${DEPTH_ZH[k] ?? k} ${v ?? "n/a"}`)
      .join("，");
    process.stdout.write(
      `危机阶段 ${e.start}–${e.end ?? "持续中"}：${e.balanceSheetRecession ? "资产负债表衰退" : "非资产负债表衰退"}；深度：${depth}（${depthDates(e, "zh")}）；政策时滞：${tx.episodes[i]!.policyLag}\n`,
    );
  });
  if (tx.untested.length > 0)
    process.stdout.write(`\n未能检验：\n${tx.untested.map((l) => `  ${l}\n`).join("")}`);
  if (tx.studyFigures.length > 0)
    process.stdout.write(`\n研究报告数字：\n${tx.studyFigures.map((l) => `  ${l}\n`).join("")}`);
}

const round = (v: number | null, digits = 2) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

function parseYear(name: string, text: string): number {
  const v = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || !Number.isInteger(v))
    throw new UsageError(recessionMessages.badYear(name, text));
  return v;
}

/** Years a diagnosis covers by default: the last year with data and the 40 before it. */
export const DEFAULT_SPAN_YEARS = 40;

// "Equity 1989-12 -> 2009-03 (Nikkei 225, monthly average)" for each depth measure found.
function depthDates(e: Diagnosis["episodes"][number], lang: "en" | "zh"): string {
  const parts: string[] = [];
  const names =
    lang === "zh"
      ? { equity: "股价", house: "房价", realGdp: "实际GDP" }
      : { equity: "equity", house: "house prices", realGdp: "real GDP" };
  for (const k of ["equity", "house", "realGdp"] as const) {
    const m = e.depthDetail[k];
    if (m)
      parts.push(
        `${names[k]} ${m.pct}% ${m.peak} -> ${m.trough} (${lang === "zh" ? sourceZh(m.source) : m.source})`,
      );
  }
  return parts.join(lang === "zh" ? "；" : "; ");
}

/** Registers `bslab credit-gap` and `bslab recession` (with `recession evaluate`). */
export function register(program: Command): void {
  program
    .command("credit-gap")
    .description(
      "BIS credit-to-GDP gap (one-sided HP, lambda 400,000) and Basel III buffer guide, from the latest vintage of the BIS ratio in the store (the series, vintage and file read are printed)",
    )
    .argument("<country>", "BIS two-letter code, e.g. JP, US, GB")
    .option("--format <format>", "table|csv|json (json: { country, source, rows })", "table")
    .option("--lang <lang>", "en|zh (the table's source line and headings)", "en")
    .action(async (country: string, opts: { format?: string; lang?: string }) => {
      const format = parseFormat(opts.format);
      const lang = opts.lang ?? "en";
      if (lang !== "en" && lang !== "zh") throw new UsageError(recessionMessages.badLang(lang));
      const gap = await withCliStore((store) => creditGap(country, { store }));
      const rows: Row[] = gap.map((r) => ({
        date: r.date,
        ratio: round(r.ratio),
        trend: round(r.trend),
        gap: round(r.gap),
        buffer_guide: round(r.bufferGuide, 3),
      }));
      // The ratio's source (the output has no BIS published gap column, so not that one's).
      const { publishedGap: _published, ...source } = gap.source;
      if (format === "json") {
        const c = resolveCountry(country);
        const out = { country: { iso2: c.iso2, iso3: c.iso3, name: c.name }, source, rows };
        process.stdout.write(JSON.stringify(out, null, 2) + "\n");
        return;
      }
      if (format === "table")
        process.stdout.write(`${msg(lang, "cli.creditGapSource", seriesSourceText(source, lang))}\n`);
      const columns = ["date", "ratio", "trend", "gap", "buffer_guide"];
      process.stdout.write(render(rows, format, columns, format === "table" ? lang : undefined));
    });

  const rec = program
    .command("recession")
    .description("balance-sheet-recession diagnosis: stages year by year with evidence, and a verdict")
    .argument("[country]", "BIS two-letter code, e.g. JP, US")
    .option("--from <year>", "first year (default: 40 years before --to)")
    .option("--to <year>", "last year (default: the last year with data)")
    .option("--format <format>", "table|csv|json (csv: one row per year with its evidence)", "table")
    .option("--lang <lang>", "language of the evidence: en|zh", "en")
    .action(
      async (
        country: string | undefined,
        opts: { from?: string; to?: string; format?: string; lang?: string },
      ) => {
        const format = parseFormat(opts.format);
        const lang = opts.lang ?? "en";
        if (lang !== "en" && lang !== "zh") throw new UsageError(recessionMessages.badLang(lang));
        if (!country)
          throw new UsageError("missing argument: COUNTRY (e.g. bslab recession JP --from 1985 --to 2010)");
        const d = await withCliStore(async (store) => {
          const data = await loadCountryData(country, { store });
          // Without --to: the last year any input has; without --from: the 40 years before it.
          const lastData = Math.max(
            ...[...data.years.keys()].filter((y) => y <= new Date().getUTCFullYear()),
          );
          const to = opts.to === undefined ? lastData : parseYear("--to", opts.to);
          const from = opts.from === undefined ? to - DEFAULT_SPAN_YEARS : parseYear("--from", opts.from);
          if (from > to || from < 1800 || to > 2100)
            throw new UsageError(recessionMessages.badYearRange(from, to));
          const diagnosis = diagnoseData(data, from, to);
          return lang === "zh" ? localize(diagnosis, "zh") : diagnosis;
        });
        const { from, to } = d;
        if (format === "json") {
          process.stdout.write(JSON.stringify(d, null, 2) + "\n");
          return;
        }
        if (lang === "zh" && format === "table") {
          writeZh(d);
          return;
        }
        const tx = d.text;
        const rows: Row[] = d.timeline.map((y, i) => ({
          year: y.year,
          stage: tx ? tx.years[i]!.stage : y.stage,
          signals: y.fired.join(", "),
          evidence: y.signals
            .filter((s) => s.fired)
            .map((s) =>
              tx ? `${signalName(s.id, "zh")}：${tx.years[i]!.evidence[s.id]}` : `${s.label}: ${s.detail}`,
            )
            .concat(tx ? tx.years[i]!.notes : y.notes)
            .join(" | "),
        }));
        if (format === "csv") {
          process.stdout.write(render(rows, "csv", ["year", "stage", "signals", "evidence"]));
          return;
        }
        process.stdout.write(`${d.country.name} (${d.country.iso2}) ${from}-${to}\n`);
        if (d.missingDatasets.length > 0)
          process.stdout.write(
            `Datasets not installed: ${d.missingDatasets.map((m) => `${m.id} (data/${m.id}/; would supply ${m.inputs.join(", ") || "nothing for this country"})`).join("; ")}\n`,
          );
        process.stdout.write(render(rows, "table", ["year", "stage", "signals"]));
        process.stdout.write("\nEvidence:\n");
        for (const r of rows)
          if (r.evidence) process.stdout.write(`  ${r.year} [${r.stage}] ${r.evidence}\n`);
        process.stdout.write(`\nVerdict: ${d.verdict.summary}\n`);
        if (d.boomMark) process.stdout.write(`Boom mark: ${d.boomMark}\n`);
        if (d.missingDatasets.length > 0)
          process.stdout.write(`Computed without: ${d.missingDatasets.map((m) => m.note).join("; ")}\n`);
        for (const e of d.episodes) {
          const depth = Object.entries(e.depth)
            .map(([k, v]) => `${k} ${v ?? "n/a"}`)
            .join(", ");
          process.stdout.write(
            `Episode ${e.start}-${e.end ?? "ongoing"}: ${e.balanceSheetRecession ? "balance-sheet recession" : "not a balance-sheet recession"}; depth: ${depth} (${depthDates(e, "en")}); policy lag: ${e.policyLag.detail}\n`,
          );
        }
        if (d.untested.length > 0)
          process.stdout.write(
            `\nNot tested:\n${d.untested.map((u) => `  ${evidenceText(u.evidence, "en")}\n`).join("")}`,
          );
        if (d.studyFigures.length > 0)
          process.stdout.write(
            `\nThe study's figures:\n${d.studyFigures.map((f) => `  ${f.item.en}: not computable (${f.reason.en}); the study: ${f.study.en} (${f.citation})\n`).join("")}`,
          );
        const nc = notComputableSummary(d);
        if (nc.length > 0) process.stdout.write(`\nNot computable:\n${nc.map((l) => `  ${l}\n`).join("")}`);
      },
    );

  rec
    .command("evaluate")
    .description(
      "out-of-sample early-warning table: credit gap, composite logit, logit and boosted trees on JST annual and BIS quarterly crises (AUROC with cluster-bootstrap CIs, hit rate at a 10% false-alarm rate, noise-to-signal, leave one country out)",
    )
    .option("--window <quarters>", "pre-crisis window in quarters", "5-12q")
    .option("--format <format>", "table|csv|json (default: table)")
    .action(async (opts: { window: string; format?: string }) => {
      // `recession` has a --format of its own, and commander hands the parent an option written
      // after the subcommand; read whichever of the two the user set.
      const format = parseFormat(
        opts.format ??
          (rec.getOptionValueSource("format") === "cli" ? (rec.opts().format as string) : undefined),
      );
      const window = parseWindow(opts.window);
      const { results, skipped, warning } = await withCliStore(async (store) => ({
        ...(await evaluateReport({ window, store })),
        warning: await earlyWarning({ store }),
      }));
      const notes = [...skipped, ...warning.skipped.map((s) => ({ name: s.sample, reason: s.reason }))].map(
        (s) => `note: sample "${s.name}" skipped: ${s.reason}\n`,
      );
      if (format === "json") {
        // The JSON stays an array of the legacy results; the early-warning table is `bslab recession
        // evaluate --format json` under the key `warning` of every element's sibling object.
        process.stdout.write(
          JSON.stringify(
            { warning: warning.results, dsr: warning.dsr, design: warning.design, legacy: results },
            null,
            2,
          ) + "\n",
        );
        for (const n of notes) process.stderr.write(n);
        return;
      }
      const ci = (c: [number, number] | null) => (c ? `[${c[0].toFixed(3)}, ${c[1].toFixed(3)}]` : "n/a");
      const wRows: Row[] = warning.results.flatMap((r) =>
        r.test.map((s) => ({
          sample: r.sample,
          horizon: r.horizon,
          candidate: s.candidate + (s.candidate === r.chosen ? " *" : ""),
          test_auroc: s.auroc,
          cluster_bootstrap_95ci: ci(s.ci),
          hit_rate_at_fa10: s.hitRate,
          false_alarms: s.falseAlarmRate,
          noise_to_signal: s.noiseToSignal,
          validation_auroc: r.validation.find((v) => v.candidate === s.candidate)?.auroc ?? null,
          pos_neg: `${r.positives}/${r.negatives}`,
        })),
      );
      const dRows: Row[] = warning.results.map((r) => ({
        sample: r.sample,
        horizon: r.horizon,
        chosen: r.chosen,
        minus_credit_gap: r.difference.auroc,
        cluster_bootstrap_95ci: ci(r.difference.ci),
        beats_gap: r.difference.ci ? (r.difference.ci[0] > 0 ? "yes" : "no") : "n/a",
        leave_one_country_out: r.leaveOneCountryOut,
        loco_credit_gap: r.leaveOneCountryOutGap,
      }));
      const dsrRows: Row[] = warning.dsr.map((r) => ({
        horizon: r.horizon,
        dsr_gap_auroc: r.dsrGap.auroc,
        dsr_95ci: ci(r.dsrGap.ci),
        credit_gap_auroc: r.creditGap.auroc,
        gap_95ci: ci(r.creditGap.ci),
        dsr_minus_gap: r.difference.auroc,
        difference_95ci: ci(r.difference.ci),
        pos_neg: `${r.positives}/${r.negatives}`,
        countries: r.countries,
      }));
      if (format === "csv") {
        process.stdout.write(render(wRows, "csv"));
        for (const n of notes) process.stderr.write(n);
        return;
      }
      process.stdout.write(
        "Early warning, out of sample (test years; * = the reported model, fixed in advance by design 2; validation AUROCs are information only)\n",
      );
      process.stdout.write(render(wRows, "table"));
      process.stdout.write(
        "\nReported model minus the credit gap (test years, paired country-cluster bootstrap)\n",
      );
      process.stdout.write(render(dRows, "table"));
      if (dsrRows.length > 0) {
        process.stdout.write(
          "\nDebt service ratio gap (DSR minus its expanding mean, unfitted; BIS test years, economies with a DSR) beside the credit gap on the same rows\n",
        );
        process.stdout.write(render(dsrRows, "table"));
      }
      const d = warning.design;
      process.stdout.write(
        `\nDesign ${d.version} (fixed before its first run, after design 1's test years were seen: docs/recession-monitor.md section 7): JST validation ${d.annual.validation.join("-")}, test ${d.annual.test.join("-")}, refit every ${d.annual.refitEvery} years; BIS validation ${d.quarterly.validation.join("-")}, test ${d.quarterly.test.join("-")}, refit every ${d.quarterly.refitEvery} years; thresholds at a ${d.falseAlarmRate * 100}% false-alarm rate on each fit's training data; ${d.bootstrapReps} cluster resamples.\n`,
      );
      const rows: Row[] = results.flatMap((r) =>
        [r.composite, r.creditGap].map((s) => ({
          sample: r.name,
          score: s.name,
          auroc: s.auroc,
          delong_95ci: ci(s.delongCi),
          cluster_bootstrap_95ci: ci(s.bootstrapCi),
          nsr_at_tpr_2_3: s.nsrAtTpr67,
          pos_neg: `${r.positives}/${r.negatives}`,
        })),
      );
      process.stdout.write(
        `\nEarlier composite vs credit gap, window ${window.from}-${window.to}q (whole out-of-sample period)\n`,
      );
      process.stdout.write(render(rows, "table"));
      if (notes.length > 0) process.stdout.write(`\n${notes.join("")}`);
      for (const r of results)
        process.stdout.write(
          `\n${r.name}: ${r.description}\n  composite features: ${r.features.join("; ")}\n  better out of sample: ${r.winner}\n`,
        );
    });

  rec
    .command("warn")
    .description("current early-warning probability of a country with the features behind it")
    .argument("<country>", "BIS two-letter code, e.g. US, CN")
    .option("--format <format>", "table|csv|json (default: table)")
    .action(async (country: string, opts: { format?: string }) => {
      const format = parseFormat(
        opts.format ??
          (rec.getOptionValueSource("format") === "cli" ? (rec.opts().format as string) : undefined),
      );
      resolveCountry(country);
      const w = await withCliStore((store) => countryWarning(country, { store }));
      if (format === "json") {
        process.stdout.write(JSON.stringify(w, null, 2) + "\n");
        return;
      }
      const rows: Row[] = w.features.map((f) => ({
        feature: f.name,
        value: f.value,
        contribution: f.contribution,
      }));
      if (format === "csv") {
        process.stdout.write(render(rows, "csv"));
        return;
      }
      process.stdout.write(
        `${w.country.name} (${w.country.iso2}), ${w.date}: ${w.scale === "probability" ? "probability" : "warning score (mean training percentile of the ensemble's members, not a calibrated probability)"} of a systemic banking crisis starting within ${w.horizon} = ${w.probability} (signal threshold ${w.threshold}: ${w.signal ? "SIGNAL" : "no signal"})\n` +
          `model: ${w.model} (${w.sample}; fitted on ${w.trainedOn.observations} labelled observations, ${w.trainedOn.positives} pre-crisis, through ${w.trainedOn.through})\n` +
          w.members.map((m) => `  member ${m.model}: training percentile ${m.percentile}\n`).join(""),
      );
      process.stdout.write(render(rows, "table"));
    });
}
