import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { DataError } from "../../errors.ts";
import { calendarProblem } from "../../model/dates.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { numberAt } from "./common.ts";
import { sourceMessages } from "./messages.ts";

const DATE_HEADERS = new Set(["date", "observation_date"]);

function guessFrequency(dates: readonly string[]): Frequency {
  if (dates.length < 2) return "D";
  const a = Date.parse(dates[0]!);
  const b = Date.parse(dates[1]!);
  const days = (b - a) / 86_400_000;
  if (days >= 360) return "A";
  if (days >= 85) return "Q";
  if (days >= 28) return "M";
  if (days >= 6) return "W";
  return "D";
}

/**
 * Whether a header is a FRED download: `DATE` or `observation_date` first, then FRED series ids
 * (`WALCL`, `FEDFUNDS`: a fredgraph.csv of several series has one column each), or the two-column
 * `Date,Value` / `"Date","X"` forms of the bundled copies.
 */
export function isFredHeader(header: readonly string[]): boolean {
  if (header.length < 2 || !DATE_HEADERS.has((header[0] ?? "").trim().toLowerCase())) return false;
  return header.length === 2 || header.slice(1).every((h) => /^[A-Z0-9][A-Z0-9_]*$/.test(h.trim()));
}

/**
 * Parses a FRED CSV: the graph download (`fredgraph.csv`, old `DATE,X` and current
 * `observation_date,X` headers, one column per series when several were chosen) and the two-column
 * forms found in the bundled data (`"Date","X"`, `Date,Value`, where the id is then the file
 * name). `.` or an empty cell is missing. Dates are kept as `YYYY-MM-DD`; one series per column.
 *
 * @example parseFredCsv('"Date","FEDFUNDS"\n1954-07-01,0.8\n', "FEDFUNDS.csv")[0].id // "FRED/FEDFUNDS"
 */
export function parseFredCsv(text: string, fileName: string): Series[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  if (!isFredHeader(header))
    throw new DataError(
      sourceMessages.unknownHeader(
        fileName,
        header,
        'DATE,X | observation_date,X[,Y...] | "Date","X" | Date,Value',
      ),
      { place: { file: fileName, row: 1 } },
    );
  const cols = header.slice(1).map((h) => h.trim());
  const codes = cols.map((col) =>
    col.toLowerCase() === "value" ? basename(fileName).replace(/\.csv$/i, "") : col,
  );
  const observations: { date: string; value: number }[][] = cols.map(() => []);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const date = (row[0] ?? "").trim();
    if (date === "") continue;
    const place = { file: fileName, row: r + 1, column: header[0]! };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new DataError(sourceMessages.badDate(place, date, "YYYY-MM-DD"), { place });
    const why = calendarProblem(date);
    if (why) throw new DataError(sourceMessages.notInCalendar(place, date, why), { place });
    cols.forEach((col, k) => {
      const v = numberAt(row[k + 1], fileName, r + 1, col);
      if (v !== null) observations[k]!.push({ date, value: v });
    });
  }
  return codes.map((code, k) => ({
    id: `FRED/${code}`,
    entity: "",
    name: code,
    frequency: guessFrequency(observations[k]!.map((o) => o.date)),
    unit: "as published by FRED (see data/SOURCES.md)",
    scale: 0,
    dataset: "fred",
    file: fileName,
    vintage: "as bundled",
    observations: observations[k]!,
  }));
}

/** Reads a FRED CSV from a path. */
export function loadFredCsv(path: string): Series {
  return parseFredCsv(readFileSync(path, "utf8"), basename(path))[0]!;
}
