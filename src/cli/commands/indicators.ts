import type { Command } from "commander";

import { UsageError } from "../../errors.ts";
import type { Assessment } from "../../indicators/assess.ts";
import { assess, verdictText } from "../../indicators/assess.ts";
import type { IndicatorInput, IndicatorResult } from "../../indicators/compute.ts";
import { computeAll, unitText } from "../../indicators/compute.ts";
import { assessContext, loadComparison } from "../../indicators/compare.ts";
import { resolveInput } from "../../indicators/inputs.ts";
import { indicatorsForInput } from "../../indicators/levels.ts";
import { getIndicator } from "../../indicators/registry.ts";
import type { TextFigure } from "../../indicators/text-figures.ts";
import { loadCompiledSeries } from "../../indicators/series.ts";
import type { IndicatorDef } from "../../indicators/types.ts";
import type { Store } from "../../store/store.ts";
import type { Row } from "../output.ts";
import { parseFormat, render } from "../output.ts";
import { msg } from "../../i18n/catalogue.ts";
import type { CLI_MESSAGES } from "../messages.ts";
import { withCliStore } from "../store.ts";
import { parseLang } from "./data.ts";

type Lang = "en" | "zh";

const m = (lang: Lang, key: keyof typeof CLI_MESSAGES) => msg(lang, `cli.${key}` as "cli.col.id");

function inputsText(r: IndicatorResult): string {
  return r.inputs
    .map((i) => {
      const src = i.lines.map((l) => `${l.item}=${l.value} @${l.source}`).join(" + ");
      return `${i.term}=${i.value ?? "n/a"}${src ? ` [${src}]` : ""}`;
    })
    .join("; ");
}

function resultRow(r: IndicatorResult, lang: Lang): Row {
  const def = getIndicator(r.id);
  return {
    id: r.id,
    name: def.name[lang],
    value: r.value,
    unit: r.unitText[lang],
    reading: r.reading ? r.reading.text[lang] : "",
    note: r.noteText[lang],
  };
}

/** The study's text figures as rows: value, the study's, status, and every input with its source. */
function textFigureRows(figures: readonly TextFigure[], lang: Lang, format: string): Row[] {
  const sep = lang === "zh" ? "；" : "; ";
  return figures.map((f) => ({
    id: f.id,
    name: f.label[lang],
    value: f.value,
    unit: f.unitText[lang],
    study: f.study.printedText[lang],
    status: format === "table" ? m(lang, `status.${f.status}`) : f.status,
    difference: f.difference,
    inputs: f.inputs.map((i) => `${i.label[lang]}=${i.value} @${i.source}`).join(sep),
    note: [f.note[lang], f.missing ? msg(lang, "cli.howToGet", f.missing.howTo[lang]) : ""]
      .filter(Boolean)
      .join(sep),
  }));
}

/** A true/false cell: a word in a table, the boolean in CSV and JSON. */
function yesNo(value: boolean, lang: Lang, format: string): boolean | string {
  return format === "table" ? m(lang, value ? "yes" : "no") : value;
}

function assessmentLines(a: Assessment, lang: Lang): string {
  const lines = a.verdicts.map(
    (v) => `  ${verdictText(v, lang)}: ${v.reasons.map((t) => t[lang]).join("; ")}`,
  );
  return `${lines.join("\n")}\n${m(lang, "type.conclusion")}: ${a.conclusion[lang]}\n`;
}

async function single(
  store: Store,
  entity: string,
  date: string,
): Promise<{ input: IndicatorInput; results: IndicatorResult[]; assessment?: Assessment }> {
  const input = await resolveInput(store, entity, date);
  const results = computeAll(indicatorsForInput(input), input);
  if (input.kind !== "central-bank") return { input, results };
  return { input, results, assessment: assess(results, await assessContext(store, input)) };
}

function parseIds(ids: readonly string[] | undefined): IndicatorDef[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  return ids
    .flatMap((s) => s.split(","))
    .filter((s) => s !== "")
    .map((id) => getIndicator(id));
}

export function register(program: Command): void {
  program
    .command("indicators")
    .description(
      "mismatch-risk indicators of an entity at a date (value, unit, reading, inputs with sources), or their time series with --from/--to",
    )
    .argument("<entity>", "pboc, fed, ecb, boj, or an External Wealth of Nations economy (e.g. China)")
    .argument("[date]", "period: YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2013-12)")
    .option("--from <period>", "start of a time series")
    .option("--to <period>", "end of a time series")
    .option("--id <ids...>", "indicator ids (default: all that apply to the entity)")
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh", "en")
    .action(
      async (
        entity: string,
        date: string | undefined,
        opts: { from?: string; to?: string; id?: string[]; format: string; lang: string },
      ) => {
        const format = parseFormat(opts.format);
        const lang = parseLang(opts.lang);
        const chosen = parseIds(opts.id);
        if (opts.from !== undefined || opts.to !== undefined) {
          if (date !== undefined) throw new UsageError("give either DATE or --from/--to, not both");
          if (opts.from === undefined || opts.to === undefined)
            throw new UsageError(
              "a time series needs both --from and --to (e.g. --from 2002-12 --to 2013-12)",
            );
          const series = await withCliStore((store) =>
            loadCompiledSeries(store, entity, opts.from!, opts.to!, chosen),
          );
          const { defs, inputs } = series;
          if (format === "json") {
            const out = inputs.flatMap((input, i) =>
              defs.map((d, k) => ({
                date: input.date,
                id: d.id,
                value: series.value(i, k),
                unit: unitText(d, input).en,
                note: series.note(i, k).en,
              })),
            );
            process.stdout.write(JSON.stringify(out, null, 2) + "\n");
            return;
          }
          const wide = inputs.map((input, i) => ({
            date: input.date,
            ...Object.fromEntries(defs.map((d, k) => [d.id, series.value(i, k)])),
          }));
          process.stdout.write(render(wide, format, ["date", ...defs.map((d) => d.id)], lang));
          if (format === "table") {
            const units = defs.map((d) => `${d.id}: ${unitText(d, inputs[0]!)[lang]}`);
            process.stdout.write(
              `\n${msg(lang, "cli.seriesFoot", entity, opts.from!, opts.to!, inputs.length, units.join("; "))}\n`,
            );
          }
          return;
        }
        if (date === undefined) throw new UsageError("missing DATE (e.g. 2013-12) or --from/--to");
        const {
          input,
          results: all,
          assessment,
        } = await withCliStore((store) => single(store, entity, date));
        const results = chosen ? all.filter((r) => chosen.some((d) => d.id === r.id)) : all;
        if (format === "json") {
          const out = results.map((r) => ({
            id: r.id,
            name: getIndicator(r.id).name[lang],
            entity: r.entity,
            date: r.date,
            value: r.value,
            unit: r.unitLabel,
            reading: r.reading ? r.reading.text[lang] : null,
            signal: r.reading?.signal ?? null,
            note: r.note,
            inputs: r.inputs,
          }));
          process.stdout.write(JSON.stringify(out, null, 2) + "\n");
          return;
        }
        const rows = results.map((r) => ({ ...resultRow(r, lang), inputs: inputsText(r) }));
        process.stdout.write(
          render(
            rows,
            format,
            format === "csv" ? undefined : ["id", "name", "value", "unit", "reading", "note"],
            lang,
          ),
        );
        if (format === "table") {
          const partial = input.partialText?.[lang] ?? input.partial ?? "";
          process.stdout.write(`\n${msg(lang, "cli.sharesAreFractions", entity, input.date, partial)}\n`);
          process.stdout.write(`\n${m(lang, "inputsHead")}\n`);
          for (const r of results)
            if (r.value !== null) process.stdout.write(`  ${r.id}: ${inputsText(r)}\n`);
          if (assessment) process.stdout.write(`\n${assessmentLines(assessment, lang)}`);
        }
      },
    );

  program
    .command("compare")
    .description(
      "side-by-side indicators of central banks at a date, with the study's figures and Table 2 verdicts",
    )
    .argument("<entities...>", "central banks, e.g. pboc fed boj ecb")
    .requiredOption("--date <period>", "period, e.g. 2013-12")
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh", "en")
    .action(async (entities: string[], opts: { date: string; format: string; lang: string }) => {
      const format = parseFormat(opts.format);
      const lang = parseLang(opts.lang);
      const t2 = await withCliStore((store) => loadComparison(store, entities, opts.date));
      if (format === "json") {
        process.stdout.write(JSON.stringify(t2, null, 2) + "\n");
        return;
      }
      const pp = (c: (typeof t2.indicators)[number]) =>
        c.unit === "fraction" ? `${(c.gap!.value * 100).toFixed(1)} pp` : c.gap!.value.toFixed(2);
      const indicatorRows: Row[] = t2.indicators
        .filter((c) => c.value !== null || c.study)
        .map((c) => ({
          entity: c.entity,
          date: c.date,
          id: c.id,
          value: c.value,
          unit: c.unitText[lang],
          study: c.study?.printedText[lang] ?? "",
          match: c.match === null ? null : yesNo(c.match, lang, format),
          note: [
            c.gap
              ? msg(lang, "cli.studyGap", `${c.gap.value > 0 ? "+" : ""}${pp(c)}`, c.gap.lines.join(" + "))
              : "",
            c.noteText[lang],
          ]
            .filter(Boolean)
            .join(lang === "zh" ? "；" : "; "),
        }));
      const sep = lang === "zh" ? "；" : "; ";
      const verdictRows: Row[] = [
        ...t2.verdicts.map((v) => ({
          entity: v.entity,
          type: format === "table" ? m(lang, `type.${v.type}`) : v.type,
          verdict: v.text[lang],
          study: v.study?.printed[lang] ?? "",
          match: v.match === null ? null : yesNo(v.match, lang, format),
          reasons: [
            ...v.reasons.map((t) => t[lang]),
            ...[...new Set((v.missing ?? []).map((x) => x.howTo[lang]))].map((h) =>
              msg(lang, "cli.howToGet", h),
            ),
          ].join(sep),
        })),
        ...t2.conclusions.map((c) => ({
          entity: c.entity,
          type: format === "table" ? m(lang, "type.conclusion") : "conclusion",
          verdict: c.text[lang],
          study: c.study?.printed[lang] ?? "",
          match: c.match === null ? null : yesNo(c.match, lang, format),
          reasons: "",
        })),
      ];
      process.stdout.write(render(indicatorRows, format, undefined, lang));
      process.stdout.write("\n");
      process.stdout.write(render(verdictRows, format, undefined, lang));
      if (t2.textFigures.length > 0) {
        process.stdout.write("\n");
        process.stdout.write(render(textFigureRows(t2.textFigures, lang, format), format, undefined, lang));
      }
      if (format === "table" && t2.score.cellsOf > 0)
        process.stdout.write(
          `\n${msg(lang, "cli.table2Score", t2.score.cells, t2.score.cellsOf, t2.score.conclusions, t2.score.conclusionsOf)}\n`,
        );
    });
}
