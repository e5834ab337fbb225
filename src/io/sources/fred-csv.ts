import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { DataError } from "../../errors.ts";
import { calendarProblem } from "../../model/dates.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { CsvRecordStream } from "../csv/csv-stream.ts";
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
  const unknownHeader = (h: string[]) =>
    new DataError(
      sourceMessages.unknownHeader(
        fileName,
        h,
        'DATE,X | observation_date,X[,Y...] | "Date","X" | Date,Value',
      ),
      { place: { file: fileName, row: 1 } },
    );
  // Records are taken as they are split (no array of every row): a million-row download needs
  // only its observations in memory.
  let header: string[] = [];
  let cols: string[] = [];
  let observations: { date: string; value: number }[][] = [];
  const stream = new CsvRecordStream(fileName, (row, n) => {
    if (n === 1) {
      header = row;
      if (!isFredHeader(header)) throw unknownHeader(header);
      cols = header.slice(1).map((h) => h.trim());
      observations = cols.map(() => []);
      return;
    }
    const date = (row[0] ?? "").trim();
    if (date === "") return;
    const place = { file: fileName, row: n, column: header[0]! };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new DataError(sourceMessages.badDate(place, date, "YYYY-MM-DD"), { place });
    const why = calendarProblem(date);
    if (why) throw new DataError(sourceMessages.notInCalendar(place, date, why), { place });
    for (let k = 0; k < cols.length; k++) {
      const v = numberAt(row[k + 1], fileName, n, cols[k]!);
      if (v !== null) observations[k]!.push({ date, value: v });
    }
  });
  stream.end(text);
  if (stream.records === 0) throw unknownHeader([]);
  const codes = cols.map((col) =>
    col.toLowerCase() === "value" ? basename(fileName).replace(/\.csv$/i, "") : col,
  );
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
