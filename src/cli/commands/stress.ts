import type { Command } from "commander";

import { UsageError } from "../../errors.ts";
import { msg } from "../../i18n/catalogue.ts";
import { parsePeriod } from "../../indicators/inputs.ts";
import { loadRevaluation } from "../../stress/load.ts";
import { parseFormat, render } from "../output.ts";
import { withCliStore } from "../store.ts";
import { parseLang } from "./data.ts";

/** Percentages as fractions: "10" -> [0.1]; "5,5,5" -> [0.05, 0.05, 0.05]. Usage error otherwise. */
export function parsePath(text: string, option: string): number[] {
  const parts = text.split(",").map((s) => s.trim());
  const out = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) / 100 : NaN));
  if (out.some((x) => !Number.isFinite(x) || x <= -1 || x >= 1))
    throw new UsageError(
      `invalid ${option}: ${JSON.stringify(text)} (expected percentages between -100 and 100, e.g. 10 or 5,5,5)`,
    );
  return out;
}

export function register(program: Command): void {
  program
    .command("stress")
    .description(
      "exchange-rate revaluation stress of a central bank: book loss on its net foreign-currency position for an appreciation (or a path), the own capital it consumes, and the losses implied by the bundled exchange rate",
    )
    .argument("<entity>", "a central bank, e.g. pboc")
    .argument("<date>", "period, e.g. 2013-12")
    .option("--appreciation <pct>", "appreciation of the domestic currency, in percent", "10")
    .option("--path <pcts>", "several appreciations in turn, e.g. 5,5,5 (overrides --appreciation)")
    .option("--from <period>", "start of the historical revaluation", "2005-07")
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh", "en")
    .action(
      async (
        entity: string,
        date: string,
        opts: { appreciation: string; path?: string; from: string; format: string; lang: string },
      ) => {
        const format = parseFormat(opts.format);
        const lang = parseLang(opts.lang);
        parsePeriod(date);
        parsePeriod(opts.from);
        const path = opts.path
          ? parsePath(opts.path, "--path")
          : parsePath(opts.appreciation, "--appreciation");
        const r = await withCliStore((store) => loadRevaluation(store, entity, date, path, opts.from));
        if (format === "json") {
          process.stdout.write(JSON.stringify(r, null, 2) + "\n");
          return;
        }
        const rows = r.stress.steps.map((s, i) => ({
          step: i + 1,
          appreciation: s.appreciation,
          cumulative: s.cumulative,
          loss: s.loss,
          cumulative_loss: s.cumulativeLoss,
          loss_to_equity: s.lossToEquity,
          equity_after: s.equityAfter,
        }));
        process.stdout.write(render(rows, format, undefined, lang));
        if (format !== "table") return;
        const p = r.position;
        process.stdout.write(
          `\n${msg(lang, "cli.stressPosition", r.entity, r.date, r.unitText[lang], p.foreignAssets, p.netForeign, p.equity)}\n`,
        );
        if (r.dateNote) process.stdout.write(`${r.dateNote}\n`);
        process.stdout.write(
          `${msg(lang, "cli.stressLoss", r.stress.loss, r.stress.lossToEquity, r.stress.breakEven)}\n`,
        );
        if (r.history)
          process.stdout.write(
            `${msg(lang, "cli.stressHistory", r.history.from, r.history.to, r.history.rateFrom, r.history.rateTo, r.history.appreciation, r.history.total, r.unitText[lang])}\n`,
          );
        else process.stdout.write(`${"missing" in r.rate ? r.rate.missing : ""}\n`);
      },
    );
}
