import type { Command } from "commander";

import { messages, UsageError } from "../../errors.ts";
import { downloadFetch, storeFetch } from "../../ingest/fetch.ts";
import { FETCH_SOURCES } from "../../io/fetch/sources.ts";
import { ENTITY_KINDS, isEntityKind } from "../../model/entity.ts";
import { parseFormat, render } from "../output.ts";
import { msg } from "../../i18n/catalogue.ts";
import type { Lang } from "../../i18n/lang.ts";
import { withCliStore } from "../store.ts";
import { parseLang } from "./data.ts";

// src/ingest/fetch.ts says what a fetch took from the stored vintage in one shape: read back for a zh table.
const INHERITED = /^(.+): unit (.+) 1e(-?\d+) and name as stored in vintage (.+)$/;
function inheritedText(line: string, lang: Lang): string {
  const m = lang === "zh" ? INHERITED.exec(line) : null;
  return m ? msg(lang, "cli.inheritedLine", m[1]!, m[2]!, m[3]!, m[4]!) : line;
}

/** `bslab fetch SOURCE ARGS...`: download from a publisher, store raw + records as a new vintage. */
export function register(program: Command): void {
  program
    .command("fetch")
    .description(
      "download series from a publisher (FRED, ECB Data Portal, BIS, Bank of Japan, DBnomics) and store them as a new vintage, with the raw response, its URL and retrieval time; needs the network, never runs by itself",
    )
    .argument("<source>", FETCH_SOURCES.map((s) => s.name).join("|"))
    .argument("[args...]", "what to fetch (see below)")
    .option("--entity-kind <kind>", `what the fetched entities are (${ENTITY_KINDS.join("|")})`)
    .option("--format <format>", "table|csv|json", "table")
    .option("--lang <lang>", "en|zh (the result table's headings)", "en")
    .addHelpText(
      "after",
      () =>
        `\nSources:\n${FETCH_SOURCES.map(
          (s) =>
            `  ${s.name.padEnd(9)} ${s.usage}\n            e.g. ${s.example}${s.recorded ? "" : "\n            (format not yet checked against a recorded response)"}`,
        ).join("\n")}\n`,
    )
    .action(
      async (source: string, args: string[], opts: { entityKind?: string; format: string; lang: string }) => {
        const format = parseFormat(opts.format);
        const lang = parseLang(opts.lang);
        const kind = opts.entityKind;
        if (kind !== undefined && !isEntityKind(kind))
          throw new UsageError(messages.invalidOption("--entity-kind", kind, ENTITY_KINDS.join(", ")));
        // Download first, with the database closed: a slow or failing network locks nothing.
        const downloaded = await downloadFetch(source, args);
        const result = await withCliStore(
          (store) =>
            storeFetch(
              store,
              downloaded,
              kind !== undefined && isEntityKind(kind) ? { entityKind: kind } : {},
            ),
          { write: true },
        );
        process.stdout.write(
          format === "json"
            ? JSON.stringify(result, null, 2) + "\n"
            : render(
                [{ ...result, inherited: result.inherited.map((t) => inheritedText(t, lang)).join("; ") }],
                format,
                undefined,
                lang,
              ),
        );
      },
    );
}
