import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { datasetPath, memoize, numberAt, requireColumns } from "./common.ts";
import { sourceMessages } from "./messages.ts";

/**
 * Parses the Nikkei 225 daily file (`date,open,close,volume`; holidays have empty cells) into one
 * daily Series of closing values (`NIKKEI/N225/close`). Empty rows are skipped.
 * @example parseNikkei(text, "N225.csv")[0].observations.find((o) => o.date === "1989-12-29") // 38915.87
 */
export function parseNikkei(text: string, fileName: string): Series[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  const [iDate, iClose] = requireColumns(fileName, header, ["date", "close"]) as [number, number];
  if (rows.length < 2) throw new DataError(sourceMessages.emptyFile(fileName), { place: { file: fileName } });
  const observations: { date: string; value: number }[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const date = (row[iDate] ?? "").trim();
    if (date === "") continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new DataError(
        sourceMessages.badDate({ file: fileName, row: r + 1, column: "date" }, date, "YYYY-MM-DD"),
        {
          place: { file: fileName, row: r + 1, column: "date" },
        },
      );
    const v = numberAt(row[iClose], fileName, r + 1, "close");
    if (v !== null) observations.push({ date, value: v });
  }
  return [
    {
      id: "NIKKEI/N225/close",
      entity: "JP",
      name: "Nikkei 225 close",
      frequency: "D",
      unit: "index (JPY)",
      scale: 0,
      dataset: "nikkei225-daily",
      file: fileName,
      vintage: "2026-08-21",
      observations,
    },
  ];
}

/** Loads the bundled Nikkei 225 daily closes once per process. */
export function loadNikkei(): Series {
  return memoize("nikkei", () => {
    const name = "N225.csv";
    return parseNikkei(readFileSync(datasetPath("nikkei225-daily", name), "utf8"), name)[0]!;
  });
}
