import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { datasetPath, memoize, numberAt, requireColumns } from "./common.ts";
import { sourceMessages } from "./messages.ts";

/** The four institutional sectors of the file (net lending(+)/borrowing(-), % of GDP). */
export const SECTORS = ["Households", "Government", "Corporate", "Foreign"] as const;
export type Sector = (typeof SECTORS)[number];

function periodOf(time: string, quarterly: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(time);
  if (!m) return undefined;
  if (!quarterly) return m[1]!;
  return `${m[1]}-Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
}

/**
 * Parses Stefan Angrick's sectoral financial balances (`Geo,Time,Households,Government,Corporate,
 * Foreign,Freq,Source,Countryname,id`): one Series per country, source id and sector, e.g.
 * `ANGRICK/sectors/JP_Q_boj_cao.Corporate`. Quarterly rows (4-quarter moving averages) are dated by
 * their quarter (`1990-Q4`), annual rows by the year.
 * @example parseSectoralBalances(text, "sectors.data.csv").find((s) => s.id.endsWith("JP_Q_boj_cao.Corporate"))
 */
export function parseSectoralBalances(text: string, fileName: string): Series[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  const [iGeo, iTime, iFreq, iId, ...iSectors] = requireColumns(fileName, header, [
    "Geo",
    "Time",
    "Freq",
    "id",
    ...SECTORS,
  ]) as number[];
  if (rows.length < 2) throw new DataError(sourceMessages.emptyFile(fileName), { place: { file: fileName } });
  const out = new Map<string, Series>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === "") continue;
    const quarterly = /quarter/i.test(row[iFreq!] ?? "");
    const time = (row[iTime!] ?? "").trim();
    const date = periodOf(time, quarterly);
    if (date === undefined)
      throw new DataError(
        sourceMessages.badDate({ file: fileName, row: r + 1, column: "Time" }, time, "YYYY-MM-DD"),
        {
          place: { file: fileName, row: r + 1, column: "Time" },
        },
      );
    SECTORS.forEach((sector, k) => {
      const v = numberAt(row[iSectors[k]!], fileName, r + 1, sector);
      if (v === null) return;
      const id = `ANGRICK/sectors/${row[iId!]}.${sector}`;
      let s = out.get(id);
      if (!s) {
        s = {
          id,
          entity: row[iGeo!] ?? "",
          name: `${sector} net lending (${quarterly ? "4-quarter moving average" : "annual"})`,
          frequency: quarterly ? "Q" : "A",
          unit: "% of GDP",
          scale: 0,
          dataset: "sectoral-financial-balances",
          file: fileName,
          vintage: "2024-03-16",
          observations: [],
        };
        out.set(id, s);
      }
      s.observations.push({ date, value: v });
    });
  }
  return [...out.values()];
}

/** Loads the bundled sectoral balances once per process. */
export function loadSectoralBalances(): Series[] {
  return memoize("sectors", () => {
    const name = "sectors.data.csv";
    return parseSectoralBalances(
      readFileSync(datasetPath("sectoral-financial-balances", name), "utf8"),
      name,
    );
  });
}
