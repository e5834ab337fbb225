import type { Command } from "commander";

import { NotFoundError, UsageError, messages } from "../../errors.ts";
import type { Mapping } from "../../io/mappings/types.ts";
import { ENTITY_KINDS, isEntityKind } from "../../model/entity.ts";
import { parseUnit } from "../../model/parse-unit.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import { unitLabel } from "../../model/units.ts";
import { checkSheet } from "../../model/validate.ts";
import { listDatasets } from "../../store/datasets.ts";
import { listEntities, loadSheet, sheetDates } from "../../store/sheets.ts";
import type { Store } from "../../store/store.ts";
import { parseFormat, render } from "../output.ts";
import { progressBar } from "../progress.ts";
import { msg } from "../../i18n/catalogue.ts";
import { storedText } from "../../i18n/stored-texts.ts";
import { vintageText } from "../../model/vintage-text.ts";
import { CLI_MESSAGES } from "../messages.ts";
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

/** The import layouts, for `bslab import --help` only (loading them loads every reader). */
let layouts: readonly Mapping[] = [];

export async function register(program: Command, options: { help: boolean }): Promise<void> {
  if (options.help) layouts = (await import("../../io/mappings/index.ts")).MAPPINGS;
  program
    .command("datasets")
    .description("list the loaded datasets: coverage, vintage, source and licence")
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh (the table's headings, publisher, licence and vintage)", "en")
    .action(async (opts: { format: string; lang: string }) => {
      const format = parseFormat(opts.format);
      const lang = parseLang(opts.lang);
      const rows = await withCliStore((store) => listDatasets(store));
      // CSV and JSON keep the stored texts (for scripts); a table is read, in the reader's language.
      const said = (stored: string) => (format === "table" ? storedText(stored, lang) : stored);
      const out = rows.map((d) => ({
        id: d.id,
        sheets: d.sheets,
        series: d.series,
        first: d.first,
        last: d.last,
        vintage: format === "table" ? storedText(vintageText(d.vintage)[lang], lang) : d.vintage,
        restricted: d.restricted,
        publisher: said(d.publisher),
        licence: said(d.licence),
      }));
      process.stdout.write(
        render(format === "json" ? rows.map((r) => ({ ...r })) : out, format, undefined, lang),
      );
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
      // A table is read by people: its words in their language; CSV keeps the codes for scripts.
      const word = (key: string, fallback: string) =>
        format === "table" && Object.hasOwn(CLI_MESSAGES, key)
          ? msg(lang, `cli.${key as "foreign"}`)
          : fallback;
      const rows = sheet.positions.map((p) => ({
        side: word(`side.${p.side}`, p.side),
        kind: word(`kind.${p.kind}`, p.kind),
        item: p.item,
        label: (lang === "zh" ? p.label.zh : p.label.en) ?? p.label.en ?? p.label.zh ?? "",
        value: p.value,
        instrument: p.instrument ?? "",
        currency: p.currency ?? (p.foreign ? word("foreign", "foreign") : ""),
        counterparty: p.counterparty.join("+"),
        source: `${p.source.file}:${p.source.row}`,
      }));
      process.stdout.write(render(rows, format, undefined, lang));
      if (format === "table") {
        process.stdout.write(`\n${entity} ${date}, ${unitLabel(sheet.unit, lang)}\n`);
        for (const c of checks)
          process.stdout.write(
            msg(
              lang,
              "cli.checkLine",
              word(c.ok ? "check.ok" : "check.fail", c.ok ? "ok  " : "FAIL"),
              word(`check.${c.check}`, c.check),
              c.check === "identity" ? word("identityItem", c.item) : c.item,
              c.published,
              c.computed,
              c.difference,
            ) + "\n",
          );
        for (const n of sheet.notes)
          process.stdout.write(msg(lang, "cli.note", n.item, n.text?.[lang] ?? n.message) + "\n");
      }
    });

  program
    .command("import")
    .description(
      "import files (CSV, SDMX-CSV, FRED, BIS, PBoC .xls, .xlsx ...) atomically: all are parsed and checked, then written in one transaction; the layout is detected",
    )
    .argument("<files...>")
    .option("--mapping <name>", "layout name (default: detected; see `bslab import --help` for the list)")
    .option(
      "--vintage <v>",
      "store under this vintage (default: the earlier vintage of the same bytes, else today)",
    )
    .option("--unit <unit>", 'unit for a file that states none, e.g. 亿元 or "USD millions"')
    .option(
      "--entity-kind <kind>",
      `what the file's entities are (${ENTITY_KINDS.join("|")}): decides which indicators apply`,
    )
    .option("--format <format>", "table|csv|json", "table")
    .option("--json", "print the result as JSON (same as --format json)")
    .option("--lang <lang>", "en|zh (the result table's headings)", "en")
    .option("--quiet", "print nothing but errors")
    .addHelpText(
      "after",
      () => `\nLayouts:\n${layouts.map((m) => `  ${m.name.padEnd(18)} ${m.description}`).join("\n")}\n`,
    )
    .action(
      async (
        files: string[],
        opts: {
          mapping?: string;
          vintage?: string;
          unit?: string;
          entityKind?: string;
          format: string;
          json?: boolean;
          quiet?: boolean;
          lang: string;
        },
      ) => {
        const format = opts.json ? "json" : parseFormat(opts.format);
        const lang = parseLang(opts.lang);
        const unit = opts.unit === undefined ? undefined : parseUnit(opts.unit);
        if (opts.unit !== undefined && !unit)
          throw new UsageError(
            messages.invalidOption("--unit", opts.unit, 'a unit such as 亿元, "CNY 1e8", "USD millions"'),
          );
        const kind = opts.entityKind;
        if (kind !== undefined && !isEntityKind(kind))
          throw new UsageError(messages.invalidOption("--entity-kind", kind, ENTITY_KINDS.join(", ")));
        const bar = opts.quiet ? undefined : progressBar("importing");
        // Loaded here: the readers and mappings are not needed by the other commands of this module.
        const { importFilesReleasing } = await import("../../ingest/import.ts");
        // The database is open only to read what the import needs and to write: not while the
        // files are read and checked, so other commands can use it meanwhile.
        const open = <T>(work: (store: Store) => Promise<T>) => withCliStore(work, { write: true });
        const results = await importFilesReleasing(open, files, {
          ...(opts.mapping ? { mapping: opts.mapping } : {}),
          ...(opts.vintage ? { vintage: opts.vintage } : {}),
          ...(unit ? { unit } : {}),
          ...(kind !== undefined && isEntityKind(kind) ? { entityKind: kind } : {}),
          ...(bar ? { onProgress: bar } : {}),
        });
        bar?.done();
        if (opts.quiet) return;
        process.stdout.write(
          format === "json"
            ? JSON.stringify(results, null, 2) + "\n"
            : render(
                results.map((r) => ({ ...r })),
                format,
                undefined,
                lang,
              ),
        );
      },
    );
}
