import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";

import type { Command } from "commander";

import { UsageError } from "../../errors.ts";
import { parsePeriod } from "../../indicators/inputs.ts";
import { resolveCountry } from "../../recession/countries.ts";
import { recessionMessages } from "../../recession/messages.ts";
import { loadMismatchData } from "../../report/mismatch-data.ts";
import { mismatchReport } from "../../report/mismatch-report.ts";
import { reportMessages } from "../../report/messages.ts";
import type { Lang, Report } from "../../report/model.ts";
import { recessionReportFromStore } from "../../report/recession-report.ts";
import { renderHtml } from "../../report/render-html.ts";
import { renderMarkdown } from "../../report/render-markdown.ts";
import { messages } from "../../errors.ts";
import { withCliStore } from "../store.ts";
import { parseLang } from "./data.ts";

type ReportFormat = "html" | "md";

interface ReportOpts {
  date?: string;
  lang?: string;
  format?: string;
  out?: string;
  from?: string;
  to?: string;
  generatedAt?: string;
}

function parseReportFormat(value: string | undefined): ReportFormat {
  if (value === undefined || value === "html" || value === "md") return value ?? "html";
  throw new UsageError(messages.invalidOption("--format", value, "html|md"));
}

function parseYear(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(recessionMessages.badYear(name, text));
  return Number(text);
}

/**
 * Writes a report: to stdout with `--out -`, else to `--out FILE` or, by default, to
 * `report-<name>-<lang>.<ext>` in the current directory; every path written goes to stderr. Markdown
 * written to a file gets its charts as SVG files beside it; on stdout they are inlined as data URIs.
 */
function emit(report: Report, format: ReportFormat, name: string, out: string | undefined): void {
  const path = out ?? `report-${name}-${report.lang}.${format}`;
  if (path === "-") {
    process.stdout.write(
      format === "html" ? renderHtml(report) : renderMarkdown(report, { images: "inline" }).text,
    );
    return;
  }
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  if (format === "html") writeFileSync(path, renderHtml(report));
  else {
    const stem = basename(path, extname(path));
    const md = renderMarkdown(report, { images: "files", stem });
    writeFileSync(path, md.text);
    for (const f of md.files) {
      const p = join(dir, f.name);
      writeFileSync(p, f.content);
      process.stderr.write(`${reportMessages.written(p)}\n`);
    }
  }
  process.stderr.write(`${reportMessages.written(path)}\n`);
}

const withOutputOptions = (cmd: Command) =>
  cmd
    .option("--lang <lang>", "en|zh", "en")
    .option("--format <format>", "html|md", "html")
    .option(
      "--out <file>",
      "file to write (default report-<entity>-<date>-<lang>.<ext> in the current directory; - for stdout)",
    )
    .option(
      "--generated-at <text>",
      "timestamp printed at the end (none by default: reports are reproducible)",
    );

/** Registers `bslab report ENTITY --date D` and `bslab report recession COUNTRY`. */
export function register(program: Command): void {
  const report = withOutputOptions(
    program
      .command("report")
      .description(
        "write the mismatch study's report for an entity at a date (HTML or Markdown, charts as inline SVG, every number with its source line); `report recession COUNTRY` for the recession monitor",
      )
      .argument("<entity>", "pboc, fed, boj, ecb, or an External Wealth of Nations economy (e.g. China)")
      .option("--date <period>", "balance-sheet date: YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2013-12)"),
  ).action(async (entity: string, opts: ReportOpts) => {
    const lang: Lang = parseLang(opts.lang);
    const format = parseReportFormat(opts.format);
    if (opts.date === undefined) throw new UsageError(reportMessages.missingDate(entity));
    parsePeriod(opts.date);
    const data = await withCliStore((store) => loadMismatchData(store, entity, opts.date!));
    const r = mismatchReport(data, { lang, ...(opts.generatedAt ? { generatedAt: opts.generatedAt } : {}) });
    emit(r, format, `${entity.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${opts.date}`, opts.out);
  });

  // --lang, --format, --out and --generated-at are the parent's options: commander parses them on
  // `report` wherever they appear, so the sub-command reads them from there.
  report
    .command("recession")
    .description(
      "write the balance-sheet-recession monitor's report for a country (takes --lang, --format, --out, --generated-at as `report` does)",
    )
    .argument("<country>", "BIS two-letter code, e.g. JP, US")
    .option("--from <year>", "first year (default 1985)")
    .option("--to <year>", "last year (default 2010)")
    .action(async (country: string, own: ReportOpts) => {
      const opts: ReportOpts = { ...report.opts<ReportOpts>(), ...own };
      const lang: Lang = parseLang(opts.lang);
      const format = parseReportFormat(opts.format);
      const from = parseYear("--from", opts.from, 1985);
      const to = parseYear("--to", opts.to, 2010);
      if (from > to || from < 1800 || to > 2100)
        throw new UsageError(recessionMessages.badYearRange(from, to));
      resolveCountry(country); // an unknown country fails before the store is opened
      // From the store: the latest vintage of each series, so a newer imported BIS download is used.
      const r = await withCliStore((store) =>
        recessionReportFromStore(store, country, from, to, {
          lang,
          ...(opts.generatedAt ? { generatedAt: opts.generatedAt } : {}),
        }),
      );
      emit(r, format, `recession-${country.toUpperCase()}-${from}-${to}`, opts.out);
    });
}
