import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { datasetPath, memoize, numberAt, requireColumns } from "./common.ts";
import { sourceMessages } from "./messages.ts";

/** One JST country-year with every numeric variable (null = missing). */
export interface JstRow {
  iso: string;
  country: string;
  year: number;
  values: Record<string, number | null>;
}

const TEXT_COLUMNS = new Set(["year", "country", "iso", "ifs", "peg_type", "peg_base"]);

/** Units of the JST variables the monitor uses (JST documentation R6). */
const UNITS: Record<string, string> = {
  gdp: "national currency, nominal (bn/mn as documented)",
  cpi: "index",
  stir: "% per year",
  ltrate: "% per year",
  hpnom: "index",
  tloans: "national currency, nominal",
  thh: "national currency, nominal",
  tbus: "national currency, nominal",
  crisisJST: "0/1",
  unemp: "% of labour force",
  pop: "thousands",
  rgdpbarro: "index, real GDP per capita (2005 = 100)",
};

/**
 * Parses the Jorda-Schularick-Taylor Macrohistory Database (R6) CSV into country-year rows.
 * @param text contents of `JSTdatasetR6.csv`
 * @param fileName used in error messages
 * @example parseJstRows(text, "JSTdatasetR6.csv").find((r) => r.iso === "USA" && r.year === 1929)
 */
export function parseJstRows(text: string, fileName: string): JstRow[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  const [iYear, iIso, iCountry] = requireColumns(fileName, header, ["year", "iso", "country"]) as [
    number,
    number,
    number,
  ];
  if (rows.length < 2) throw new DataError(sourceMessages.emptyFile(fileName), { place: { file: fileName } });
  const numeric = header.map((h, i) => ({ h: h.trim(), i })).filter((c) => !TEXT_COLUMNS.has(c.h));
  const out: JstRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === "") continue;
    const year = numberAt(row[iYear], fileName, r + 1, "year");
    if (year === null)
      throw new DataError(sourceMessages.badNumber({ file: fileName, row: r + 1, column: "year" }, ""));
    const values = Object.create(null) as Record<string, number | null>; // keyed by the file's columns
    for (const c of numeric) values[c.h] = numberAt(row[c.i], fileName, r + 1, c.h);
    out.push({ iso: row[iIso] ?? "", country: row[iCountry] ?? "", year, values });
  }
  return out;
}

/**
 * JST rows as one annual Series per country and variable (`JST/R6/USA.tloans`).
 * @example parseJst(text, "JSTdatasetR6.csv").find((s) => s.id === "JST/R6/JPN.stir")
 */
export function parseJst(text: string, fileName: string): Series[] {
  const byKey = new Map<string, Series>();
  for (const row of parseJstRows(text, fileName))
    for (const [name, value] of Object.entries(row.values)) {
      if (value === null) continue;
      const id = `JST/R6/${row.iso}.${name}`;
      let s = byKey.get(id);
      if (!s) {
        s = {
          id,
          entity: row.iso,
          name,
          frequency: "A",
          unit: (Object.hasOwn(UNITS, name) ? UNITS[name] : undefined) ?? "as documented (JST R6)",
          scale: 0,
          dataset: "jst-macrohistory-r6",
          file: fileName,
          vintage: "R6 (2022-07)",
          observations: [],
        };
        byKey.set(id, s);
      }
      s.observations.push({ date: String(row.year), value });
    }
  return [...byKey.values()];
}

/** Loads the bundled JST R6 rows once per process. */
export function loadJstRows(): JstRow[] {
  return memoize("jst:rows", () => {
    const name = "JSTdatasetR6.csv";
    return parseJstRows(readFileSync(datasetPath("jst-macrohistory-r6", name), "utf8"), name);
  });
}

/** Loads the bundled JST R6 dataset as Series once per process. */
export function loadJst(): Series[] {
  return memoize("jst:series", () => {
    const name = "JSTdatasetR6.csv";
    return parseJst(readFileSync(datasetPath("jst-macrohistory-r6", name), "utf8"), name);
  });
}
