import type { Command } from "commander";

import { UsageError } from "../../errors.ts";
import type { Assessment } from "../../indicators/assess.ts";
import { assess, verdictText } from "../../indicators/assess.ts";
import type { IndicatorInput, IndicatorResult } from "../../indicators/compute.ts";
import { computeAll } from "../../indicators/compute.ts";
import { notCentralBank, resolveInput } from "../../indicators/inputs.ts";
import { indicatorsForInput } from "../../indicators/levels.ts";
import { getIndicator, listIndicators } from "../../indicators/registry.ts";
import { loadIndicatorSeries } from "../../indicators/series.ts";
import { matchesStudy, STUDY_2013, STUDY_VERDICTS, studyPrinted } from "../../indicators/study.ts";
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
): Promise<{ input: IndicatorInput; results: IndicatorResult[] }> {
  const input = await resolveInput(store, entity, date);
  return { input, results: computeAll(indicatorsForInput(input), input) };
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
          const rows = await withCliStore((store) =>
            loadIndicatorSeries(store, entity, opts.from!, opts.to!, chosen),
          );
          const defs = chosen ?? (rows[0]?.results ?? []).map((r) => getIndicator(r.id));
          if (format === "json") {
            const out = rows.flatMap((r) =>
              r.results.map((x) => ({
                date: r.date,
                id: x.id,
                value: x.value,
                unit: x.unitLabel,
                note: x.note,
              })),
            );
            process.stdout.write(JSON.stringify(out, null, 2) + "\n");
            return;
          }
          const wide = rows.map((r) => ({
            date: r.date,
            ...Object.fromEntries(r.results.map((x) => [x.id, x.value])),
          }));
          process.stdout.write(render(wide, format, ["date", ...defs.map((d) => d.id)], lang));
          if (format === "table") {
            const units = defs.map(
              (d) => `${d.id}: ${rows[0]?.results.find((x) => x.id === d.id)?.unitText[lang] ?? d.unit}`,
            );
            process.stdout.write(
              `\n${msg(lang, "cli.seriesFoot", entity, opts.from!, opts.to!, rows.length, units.join("; "))}\n`,
            );
          }
          return;
        }
        if (date === undefined) throw new UsageError("missing DATE (e.g. 2013-12) or --from/--to");
        const { input, results: all } = await withCliStore((store) => single(store, entity, date));
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
          if (input.kind === "central-bank") process.stdout.write(`\n${assessmentLines(assess(all), lang)}`);
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
      const computed = await withCliStore(async (store) => {
        const out: { entity: string; date: string; results: IndicatorResult[] }[] = [];
        for (const e of entities) {
          const { input, results } = await single(store, e, opts.date);
          if (input.kind !== "central-bank") throw await notCentralBank(store, e);
          out.push({ entity: e, date: input.date, results });
        }
        return out;
      });
      const required = listIndicators({ level: ["central-bank"] }).map((d) => d.id);
      const indicatorRows: Row[] = [];
      const verdictRows: Row[] = [];
      const study2013 = opts.date.startsWith("2013");
      for (const c of computed) {
        for (const id of required) {
          const r = c.results.find((x) => x.id === id)!;
          const fig = study2013 ? STUDY_2013.find((f) => f.entity === c.entity && f.id === id) : undefined;
          if (r.value === null && !fig) continue;
          let note = r.noteText[lang];
          if (r.value === null && fig)
            note = msg(lang, "indicators.studyReports", note, studyPrinted(fig, lang));
          indicatorRows.push({
            entity: c.entity,
            date: c.date,
            id,
            value: r.value,
            unit: r.unitText[lang],
            study: fig ? studyPrinted(fig, lang) : "",
            match: fig && r.value !== null ? yesNo(matchesStudy(r.value, fig), lang, format) : null,
            note,
          });
        }
        const a = assess(c.results);
        for (const v of a.verdicts) {
          const s = study2013 ? STUDY_VERDICTS[c.entity]?.[v.type] : undefined;
          verdictRows.push({
            entity: c.entity,
            type: format === "table" ? m(lang, `type.${v.type}`) : v.type,
            verdict: verdictText(v, lang),
            study: s ? msg(lang, "cli.studyType", s.level, s.direction) : "",
            reasons: v.reasons.map((t) => t[lang]).join("; "),
          });
        }
        verdictRows.push({
          entity: c.entity,
          type: format === "table" ? m(lang, "type.conclusion") : "conclusion",
          verdict: a.conclusion[lang],
          study: "",
          reasons: "",
        });
      }
      if (format === "json") {
        process.stdout.write(
          JSON.stringify({ indicators: indicatorRows, verdicts: verdictRows }, null, 2) + "\n",
        );
        return;
      }
      process.stdout.write(render(indicatorRows, format, undefined, lang));
      process.stdout.write("\n");
      process.stdout.write(render(verdictRows, format, undefined, lang));
    });
}
