import { basename } from "node:path";

import type { BalanceSheet } from "../model/balance-sheet.ts";
import type { Series } from "../model/series.ts";
import { isLongPositionsHeader, readLongPositions } from "./csv/long-positions.ts";
import { parseCsv } from "./csv/parse-csv.ts";
import { buildPbocSheets, readPbocLongCsv, readPbocWideCsv } from "./pboc/monetary-authority.ts";

/** What an importer read from a file, before anything is written. */
export interface ParsedImport {
  dataset: string;
  vintage: string;
  sheets: BalanceSheet[];
  series: Series[];
  /** Home currencies of entities the file introduces. */
  entities: Map<string, string>;
}

export interface ImportContext {
  file: string;
  homeCurrencies: ReadonlyMap<string, string>;
  today: string;
}

/** A named file layout bslab can import; `detect` recognises it from the header row. */
export interface Mapping {
  name: string;
  description: string;
  detect(header: readonly string[]): boolean;
  read(text: string, ctx: ImportContext): ParsedImport;
}

export const MAPPINGS: Mapping[] = [
  {
    name: "long",
    description:
      "plain long CSV: entity,date,item,side,currency,maturity,value,unit (+ optional label,instrument,counterparty,interest_bearing,kind,parent)",
    detect: isLongPositionsHeader,
    read(text, ctx) {
      const { sheets, homeCurrency } = readLongPositions(text, ctx.file, ctx.homeCurrencies);
      return {
        dataset: `import:${basename(ctx.file)}`,
        vintage: ctx.today,
        sheets,
        series: [],
        entities: homeCurrency,
      };
    },
  },
  {
    name: "pboc-long",
    description:
      "PBoC monetary-authority table, one row per published cell: period,source_file,row,item_label,value",
    detect: (h) => ["period", "source_file", "row", "item_label", "value"].every((c) => h.includes(c)),
    read(text, ctx) {
      return {
        dataset: `import:${basename(ctx.file)}`,
        vintage: ctx.today,
        sheets: buildPbocSheets(readPbocLongCsv(text, ctx.file)),
        series: [],
        entities: new Map([["pboc", "CNY"]]),
      };
    },
  },
  {
    name: "pboc",
    description:
      "PBoC monetary-authority table as a wide CSV: month,外汇,货币黄金,...,总负债 (months as YYYY/M)",
    detect: (h) => h[0] === "month" && h.includes("外汇") && h.includes("总负债"),
    read(text, ctx) {
      return {
        dataset: `import:${basename(ctx.file)}`,
        vintage: ctx.today,
        sheets: buildPbocSheets(readPbocWideCsv(text, ctx.file)),
        series: [],
        entities: new Map([["pboc", "CNY"]]),
      };
    },
  },
];

/** The header row of a CSV text (first record), trimmed. */
export function headerOf(text: string, file: string): string[] {
  const firstLine = text.slice(0, text.search(/\r?\n/) === -1 ? undefined : text.search(/\r?\n/));
  return (parseCsv(firstLine, { fileName: file })[0] ?? []).map((h) => h.trim());
}
