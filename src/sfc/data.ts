/**
 * Exogenous paths from a table: the rows of a CSV file (`--data FILE.csv`) turned into data points.
 * The first column is `period` (whole numbers from 1) or `date`: dates of one form, ascending and
 * consecutive for years (2020), quarters (2020-Q1) and months (2020-01), ascending for days
 * (2020-01-31); the first date is period 1. Every other column names a parameter or exogenous
 * variable; an empty cell means no value in that period (the variable keeps its model value).
 * Pure: the caller reads the file and splits the CSV.
 */
import { DataError } from "../errors.ts";
import { MAX_PERIODS, type DataPoint } from "./compile/model.ts";
import { sfcMessages } from "./messages.ts";

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type DateForm = "year" | "quarter" | "month" | "day";

// A date as an ordinal in its form (consecutive dates differ by 1), or undefined if invalid.
function dateOrdinal(text: string): { form: DateForm; ordinal: number } | undefined {
  let m = /^(\d{4})$/.exec(text);
  if (m) return { form: "year", ordinal: Number(m[1]) };
  m = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (m) return { form: "quarter", ordinal: Number(m[1]) * 4 + Number(m[2]) - 1 };
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { form: "month", ordinal: Number(m[1]) * 12 + Number(m[2]) - 1 };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const d = new Date(ms);
    if (
      d.getUTCFullYear() === Number(m[1]) &&
      d.getUTCMonth() === Number(m[2]) - 1 &&
      d.getUTCDate() === Number(m[3])
    )
      return { form: "day", ordinal: ms / 86_400_000 };
  }
  return undefined;
}

/**
 * @param rows the CSV's rows, header first (as split by a CSV reader)
 * @param file the file name, for messages
 * @returns one point per non-empty cell
 * @throws DataError naming file, row and column
 * @example
 * dataFromRows([["period", "G"], ["2", "20"], ["3", "25"]], "g.csv");
 * // [{ name: "G", period: 2, value: 20 }, { name: "G", period: 3, value: 25 }]
 */
export function dataFromRows(rows: readonly (readonly string[])[], file: string): DataPoint[] {
  const header = (rows[0] ?? []).map((h) => h.trim());
  const key = header[0]?.toLowerCase();
  if (key !== "period" && key !== "date")
    throw new DataError(sfcMessages.dataFileHeader(file, header[0] ?? ""));
  if (header.length < 2) throw new DataError(sfcMessages.dataFileNoColumns(file));
  const names = header.slice(1);
  const seen = new Set<string>();
  names.forEach((name, j) => {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || seen.has(name))
      throw new DataError(sfcMessages.dataFileBadColumn(file, j + 2, name, seen.has(name)));
    seen.add(name);
  });
  const points: DataPoint[] = [];
  const periods = new Set<number>();
  let first: { form: DateForm; ordinal: number } | undefined;
  let last: number | undefined;
  let dated = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0]!.trim() === "") continue; // a blank line
    const place = { file, row: r + 1 };
    if (row.length !== header.length)
      throw new DataError(sfcMessages.dataFileCells(place, row.length, header.length));
    const cell = row[0]!.trim();
    let period: number;
    if (key === "period") {
      period = /^\d+$/.test(cell) ? Number(cell) : NaN;
      if (!Number.isInteger(period) || period < 1 || period > MAX_PERIODS)
        throw new DataError(
          sfcMessages.dataFileValue(
            { ...place, column: "period" },
            cell,
            `a whole number from 1 to ${MAX_PERIODS}`,
          ),
        );
    } else {
      const d = dateOrdinal(cell);
      if (!d || (first && d.form !== first.form))
        throw new DataError(
          sfcMessages.dataFileValue(
            { ...place, column: "date" },
            cell,
            first ? `a date like the first (${first.form})` : "a date: 2020, 2020-Q1, 2020-01 or 2020-01-31",
          ),
        );
      first ??= d;
      const consecutive =
        d.form === "day"
          ? last === undefined || d.ordinal > last
          : last === undefined || d.ordinal === last + 1;
      if (!consecutive)
        throw new DataError(
          sfcMessages.dataFileValue(
            { ...place, column: "date" },
            cell,
            d.form === "day" ? "a date after the row above" : `the ${d.form} after the row above (no gaps)`,
          ),
        );
      last = d.ordinal;
      period = ++dated; // the k-th dated row is period k
    }
    if (periods.has(period))
      throw new DataError(
        sfcMessages.dataFileValue({ ...place, column: "period" }, cell, "a period not given above"),
      );
    periods.add(period);
    names.forEach((name, j) => {
      const text = row[j + 1]!.trim();
      if (text === "") return;
      const value = DECIMAL.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(value))
        throw new DataError(sfcMessages.dataFileValue({ ...place, column: name }, text, "a decimal number"));
      points.push({ name, period, value });
    });
  }
  return points;
}
