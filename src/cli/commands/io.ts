import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

import type { Command } from "commander";

import { NotFoundError, UsageError, messages } from "../../errors.ts";
import { analysisToJson } from "../../io/export/json.ts";
import { seriesToSdmxCsv, sheetsToSdmxCsv } from "../../io/export/sdmx.ts";
import { seriesToCsv, sheetsToCsv } from "../../io/export/tidy-csv.ts";
import { seriesToXlsx, sheetsToXlsx } from "../../io/export/xlsx.ts";
import { msg } from "../../i18n/catalogue.ts";
import { storedText } from "../../i18n/stored-texts.ts";
import { ioMessages } from "../../io/messages.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Series } from "../../model/series.ts";
import { vintageText } from "../../model/vintage-text.ts";
import { listDatasets } from "../../store/datasets.ts";
import { seriesToParquet, sheetsToParquet } from "../../store/parquet.ts";
import { listSeries, loadSeries } from "../../store/series.ts";
import { listEntities, loadSheets } from "../../store/sheets.ts";
import type { Store } from "../../store/store.ts";
import { parseFormat, render } from "../output.ts";
import { withCliStore } from "../store.ts";
import { parseLang } from "./data.ts";

type ExportFormat = "csv" | "xlsx" | "sdmx" | "json" | "parquet";
const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "xlsx", "sdmx", "json", "parquet"];

function parseExportFormat(value: string | undefined, out: string | undefined): ExportFormat {
  const ext = out?.toLowerCase() ?? "";
  const guess = ext.endsWith(".xlsx")
    ? "xlsx"
    : ext.endsWith(".json")
      ? "json"
      : ext.endsWith(".parquet")
        ? "parquet"
        : "csv";
  const f = (value ?? guess) as ExportFormat;
  if (!EXPORT_FORMATS.includes(f))
    throw new UsageError(messages.invalidOption("--to-format", value, EXPORT_FORMATS.join("|")));
  if (f === "xlsx" && !out)
    throw new UsageError("--to-format xlsx writes a binary file: give --out FILE.xlsx");
  if (f === "parquet" && !out)
    throw new UsageError("--to-format parquet writes a binary file: give --out FILE.parquet");
  return f;
}

function emit(content: string | Uint8Array, out: string | undefined, quiet: boolean, what: string): void {
  if (!out) {
    process.stdout.write(content);
    return;
  }
  writeFileSync(out, content);
  if (!quiet) process.stderr.write(`wrote ${what} to ${out}\n`);
}

async function sheetsFor(store: Store, entity: string, from?: string, to?: string): Promise<BalanceSheet[]> {
  const known = (await listEntities(store)).map((e) => e.id);
  if (!known.includes(entity)) throw new NotFoundError(messages.unknownEntity(entity, known));
  const list = await loadSheets(store, entity, from ?? "", to ?? "9999");
  if (list.length === 0)
    throw new NotFoundError(
      ioMessages.nothingToExport(
        `no sheets of ${entity} between ${from ?? "the start"} and ${to ?? "the end"}`,
      ),
    );
  return list;
}

async function seriesFor(
  store: Store,
  ids: readonly string[],
  dataset?: string,
  vintage?: string,
): Promise<Series[]> {
  const wanted =
    ids.length > 0 ? [...ids] : (await listSeries(store, dataset ? { dataset } : {})).map((s) => s.id);
  if (wanted.length === 0)
    throw new NotFoundError(
      ioMessages.nothingToExport(dataset ? `no series in dataset ${dataset}` : "no series stored"),
    );
  const out: Series[] = [];
  for (const id of wanted) {
    const s = await loadSeries(store, id, vintage);
    if (!s) {
      const all = (await listSeries(store)).map((m) => m.id);
      const near = all.filter((x) => editDistance(x.toLowerCase(), id.toLowerCase()) <= 2).slice(0, 5);
      throw new NotFoundError(ioMessages.unknownSeries(id, near));
    }
    out.push(s);
  }
  return out;
}

// Levenshtein distance, for "did you mean" suggestions.
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function clip(list: Series[], from?: string, to?: string): Series[] {
  if (!from && !to) return list;
  return list.map((s) => ({
    ...s,
    observations: s.observations.filter((o) => (!from || o.date >= from) && (!to || o.date <= to + "\uffff")),
  }));
}

interface ExportOpts {
  from?: string;
  to?: string;
  toFormat?: string;
  out?: string;
  quiet?: boolean;
  dataset?: string;
  vintage?: string;
}

export function register(program: Command): void {
  const exp = program
    .command("export")
    .description(
      "write stored sheets or series as CSV (tidy long), XLSX, SDMX-CSV 1.0, JSON or Parquet; `bslab import` reads all but Parquet back",
    );

  exp
    .command("sheet")
    .description(
      "an entity's balance sheets, e.g. bslab export sheet pboc --from 2002-12 --to 2013-12 --to-format xlsx --out pboc.xlsx",
    )
    .argument("<entity>", "entity id, e.g. pboc or pboc-odc")
    .option("--from <date>", "first period (inclusive)")
    .option("--to <date>", "last period (inclusive; a prefix such as 2013 works)")
    .option("--to-format <format>", "csv|xlsx|sdmx|json|parquet (default from --out's extension, else csv)")
    .option("--out <file>", "output file (default: stdout; required for xlsx and parquet)")
    .option("--quiet", "print nothing but errors")
    .action(async (entity: string, opts: ExportOpts) => {
      const format = parseExportFormat(opts.toFormat, opts.out);
      if (format === "parquet") {
        const out = opts.out!;
        // DuckDB writes the file from the latest_positions view (docs/store-schema.md).
        const [n, rows] = await withCliStore(async (store) => {
          const list = await sheetsFor(store, entity, opts.from, opts.to);
          return [list.length, await sheetsToParquet(store, entity, resolve(out), opts.from, opts.to)];
        });
        if (!opts.quiet) process.stderr.write(`wrote ${n} sheets of ${entity} (${rows} rows) to ${out}\n`);
        return;
      }
      const list = await withCliStore((store) => sheetsFor(store, entity, opts.from, opts.to));
      const content =
        format === "csv"
          ? sheetsToCsv(list)
          : format === "sdmx"
            ? sheetsToSdmxCsv(list)
            : format === "xlsx"
              ? sheetsToXlsx(list)
              : analysisToJson({ sheets: list, series: [], query: { entity, from: opts.from, to: opts.to } });
      emit(content, opts.out, opts.quiet ?? false, `${list.length} sheets of ${entity}`);
    });

  exp
    .command("series")
    .description(
      "stored series (latest vintage), e.g. bslab export series FRED/WALCL --to-format sdmx; no id = all of --dataset",
    )
    .argument("[ids...]", "series ids, e.g. SHILLER/ie_data/cape")
    .option("--dataset <id>", "every series of this dataset")
    .option("--vintage <v>", "a given vintage instead of the latest")
    .option("--from <date>", "first period (inclusive)")
    .option("--to <date>", "last period (inclusive)")
    .option("--to-format <format>", "csv|xlsx|sdmx|json|parquet")
    .option("--out <file>", "output file (default: stdout; required for xlsx and parquet)")
    .option("--quiet", "print nothing but errors")
    .action(async (ids: string[], opts: ExportOpts) => {
      const format = parseExportFormat(opts.toFormat, opts.out);
      if (format === "parquet") {
        const out = opts.out!;
        const [n, rows] = await withCliStore(async (store) => {
          const list = await seriesFor(store, ids, opts.dataset, opts.vintage);
          const written = await seriesToParquet(
            store,
            list.map((s) => s.id),
            resolve(out),
            {
              ...(opts.vintage ? { vintage: opts.vintage } : {}),
              ...(opts.from ? { from: opts.from } : {}),
              ...(opts.to ? { to: opts.to } : {}),
            },
          );
          return [list.length, written];
        });
        if (!opts.quiet) process.stderr.write(`wrote ${n} series (${rows} rows) to ${out}\n`);
        return;
      }
      const list = clip(
        await withCliStore((store) => seriesFor(store, ids, opts.dataset, opts.vintage)),
        opts.from,
        opts.to,
      );
      const content =
        format === "csv"
          ? seriesToCsv(list)
          : format === "sdmx"
            ? seriesToSdmxCsv(list)
            : format === "xlsx"
              ? seriesToXlsx(list)
              : analysisToJson({ sheets: [], series: list, query: { series: list.map((s) => s.id) } });
      emit(content, opts.out, opts.quiet ?? false, `${list.length} series`);
    });

  exp
    .command("analysis")
    .description(
      "a whole analysis as one JSON document: an entity's sheets with their checks, series, and the datasets they come from",
    )
    .argument("<entity>", "entity id")
    .option("--from <date>", "first period")
    .option("--to <date>", "last period")
    .option("--series <ids...>", "series to include")
    .option("--out <file>", "output file (default: stdout)")
    .option("--quiet", "print nothing but errors")
    .action(async (entity: string, opts: ExportOpts & { series?: string[] }) => {
      const json = await withCliStore(async (store) => {
        const list = await sheetsFor(store, entity, opts.from, opts.to);
        const series = opts.series ? await seriesFor(store, opts.series) : [];
        const used = new Set([
          ...list.flatMap((s) => s.positions.map((p) => p.source.dataset)),
          ...series.map((s) => s.dataset),
        ]);
        const datasets = (await listDatasets(store)).filter((d) => used.has(d.id)).map((d) => ({ ...d }));
        return analysisToJson({
          sheets: list,
          series,
          datasets,
          query: { entity, from: opts.from, to: opts.to, series: opts.series },
        });
      });
      emit(json, opts.out, opts.quiet ?? false, `analysis of ${entity}`);
    });

  program
    .command("series")
    .description("list stored series (latest vintage of each); `bslab series show ID` prints one")
    .argument("[action]", "show")
    .argument("[id]", "series id for show, e.g. SHILLER/ie_data/cape")
    .option("--dataset <id>", "list: only this dataset")
    .option("--entity <id>", "list: only this entity or country code")
    .option("--vintage <v>", "show: a given vintage instead of the latest")
    .option("--from <date>", "show: first period")
    .option("--to <date>", "show: last period")
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh (a table's headings, units and vintages)", "en")
    .action(
      async (
        action: string | undefined,
        id: string | undefined,
        opts: ExportOpts & { entity?: string; format: string; lang: string },
      ) => {
        const format = parseFormat(opts.format);
        const lang = parseLang(opts.lang);
        // CSV and JSON keep the stored texts (for scripts); a table is read, in the reader's language.
        const said = (stored: string) => (format === "table" ? storedText(stored, lang) : stored);
        const vintage = (v: string) => (format === "table" ? storedText(vintageText(v)[lang], lang) : v);
        if (action !== undefined && action !== "show")
          throw new UsageError(
            messages.invalidOption("series action", action, "show ID, or nothing to list"),
          );
        if (action === "show") {
          if (!id)
            throw new UsageError("bslab series show needs a series id (list them with `bslab series`)");
          const [s] = clip(
            await withCliStore((store) => seriesFor(store, [id], undefined, opts.vintage)),
            opts.from,
            opts.to,
          );
          if (format === "json") {
            process.stdout.write(JSON.stringify(s, null, 2) + "\n");
            return;
          }
          process.stdout.write(
            render(
              s!.observations.map((o) => ({ date: o.date, value: o.value })),
              format,
              undefined,
              lang,
            ),
          );
          if (format === "table")
            process.stdout.write(
              `\n${msg(lang, "cli.seriesShowFoot", s!.id, s!.name, said(s!.unit), s!.scale, s!.frequency, vintage(s!.vintage), s!.file)}\n`,
            );
          return;
        }
        const rows = await withCliStore((store) =>
          listSeries(store, {
            ...(opts.dataset ? { dataset: opts.dataset } : {}),
            ...(opts.entity ? { entity: opts.entity } : {}),
          }),
        );
        process.stdout.write(
          render(
            rows.map((s) => ({
              id: s.id,
              entity: s.entity,
              frequency: s.frequency,
              unit: said(s.unit),
              scale: s.scale,
              vintage: vintage(s.vintage),
              dataset: s.dataset,
            })),
            format,
            undefined,
            lang,
          ),
        );
      },
    );
}
