import type { Command } from "commander";

import { NotFoundError, UsageError, messages } from "../../errors.ts";
import { importFile } from "../../io/import-file.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import { unitLabel } from "../../model/units.ts";
import { checkSheet } from "../../model/validate.ts";
import { listDatasets } from "../../store/datasets.ts";
import { listEntities, loadSheet, sheetDates } from "../../store/sheets.ts";
import type { Store } from "../../store/store.ts";
import { parseFormat, render } from "../output.ts";
import { withCliStore } from "../store.ts";

type Lang = "en" | "zh";

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "en" || value === "zh") return value ?? "en";
  throw new UsageError(messages.invalidOption("--lang", value, "en|zh"));
}

/** The sheet of `entity` at `date`, or a NotFoundError naming what exists. */
export async function requireSheet(store: Store, entity: string, date: string): Promise<BalanceSheet> {
  const known = (await listEntities(store)).map((e) => e.id);
  if (!known.includes(entity)) throw new NotFoundError(messages.unknownEntity(entity, known));
  const sheet = await loadSheet(store, entity, date);
  if (sheet) return sheet;
  const dates = await sheetDates(store, entity);
  const range = dates.length ? `${dates[0]} .. ${dates[dates.length - 1]}` : "none";
  throw new NotFoundError(`no balance sheet for ${entity} at ${date} (available: ${range})`);
}

export function register(program: Command): void {
  program
    .command("datasets")
    .description("list the loaded datasets: coverage, vintage, source and licence")
    .option("--format <format>", "table|csv|json", "table")
    .action(async (opts: { format: string }) => {
      const format = parseFormat(opts.format);
      const rows = await withCliStore((store) => listDatasets(store));
      const out = rows.map((d) => ({
        id: d.id,
        sheets: d.sheets,
        series: d.series,
        first: d.first,
        last: d.last,
        vintage: d.vintage,
        restricted: d.restricted,
        publisher: d.publisher,
        licence: d.licence,
      }));
      process.stdout.write(render(format === "json" ? rows.map((r) => ({ ...r })) : out, format));
    });

  program
    .command("sheet")
    .description("print an entity's balance sheet at a date, with its accounting checks")
    .argument("<entity>", "entity id, e.g. pboc")
    .argument("<date>", "period, e.g. 2013-12")
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh", "en")
    .action(async (entity: string, date: string, opts: { format: string; lang: string }) => {
      const format = parseFormat(opts.format);
      const lang = parseLang(opts.lang);
      const sheet = await withCliStore((store) => requireSheet(store, entity, date));
      const checks = checkSheet(sheet);
      if (format === "json") {
        process.stdout.write(
          JSON.stringify(
            { ...sheet, unitLabel: unitLabel(sheet.unit, lang), checks, balanced: checks.every((c) => c.ok) },
            null,
            2,
          ) + "\n",
        );
        return;
      }
      const rows = sheet.positions.map((p) => ({
        side: p.side,
        kind: p.kind,
        item: p.item,
        label: (lang === "zh" ? p.label.zh : p.label.en) ?? p.label.en ?? p.label.zh ?? "",
        value: p.value,
        instrument: p.instrument ?? "",
        currency: p.currency ?? (p.foreign ? "foreign" : ""),
        counterparty: p.counterparty.join("+"),
        source: `${p.source.file}:${p.source.row}`,
      }));
      process.stdout.write(render(rows, format));
      if (format === "table") {
        process.stdout.write(`\n${entity} ${date}, ${unitLabel(sheet.unit, lang)}\n`);
        for (const c of checks)
          process.stdout.write(
            `${c.ok ? "ok  " : "FAIL"} ${c.check} ${c.item}: published ${c.published}, parts ${c.computed}, difference ${c.difference}\n`,
          );
        for (const n of sheet.notes) process.stdout.write(`note ${n.item}: ${n.message}\n`);
      }
    });

  program
    .command("import")
    .description("import a file (CSV) into the database atomically; the layout is detected from its header")
    .argument("<file>")
    .option("--mapping <name>", "layout: long, pboc-long, pboc (default: detected from the header)")
    .option("--format <format>", "table|csv|json", "table")
    .action(async (file: string, opts: { mapping?: string; format: string }) => {
      const format = parseFormat(opts.format);
      const result = await withCliStore((store) =>
        importFile(store, file, opts.mapping ? { mapping: opts.mapping } : {}),
      );
      process.stdout.write(render([{ ...result }], format));
    });
}
