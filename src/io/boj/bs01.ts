import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";

/** The first column's name and the prefix of every other column of a BS01 table. */
const PREFIX = "Bank of Japan Accounts/";

/** Whether a header is a BoJ BS01 "Bank of Japan Accounts" table: `Date` then `Bank of Japan Accounts/...` columns. */
export function isBojBs01Header(header: readonly string[]): boolean {
  return (
    (header[0] ?? "").trim().toLowerCase() === "date" &&
    header.length > 1 &&
    header.slice(1).every((h) => h.replace(/\s+/g, " ").trim().startsWith(PREFIX))
  );
}

export interface Bs01Options {
  dataset: string;
  vintage: string;
  /** What each value is: the bundled file holds quarterly averages of the ten-day figures. */
  basis?: string;
}

// "Bank of Japan Accounts/Assets/Gold(a)" -> "ASSETS.GOLD": stable ids from the BoJ's own path.
function idOf(path: string): string {
  return path
    .slice(PREFIX.length)
    .replace(/\([a-z]\)$/, "")
    .replace(/\(Assets\s+or Liabilities and Net Assets\)/, "")
    .split("/")
    .map((p) =>
      p
        .replace(/[^A-Za-z0-9]+/g, "_")
        .replace(/^_|_$/g, "")
        .toUpperCase(),
    )
    .join(".");
}

/**
 * Reads a BoJ BS01 "Bank of Japan Accounts" table (`Date` as `YYYY/MM`, one column per item named
 * by its BoJ path, 100 million yen) into series `BOJ/BS01/<PATH>` of entity `boj`. Quarterly dates
 * (months 03/06/09/12 only) become `YYYY-Qn`, monthly ones `YYYY-MM`; an empty cell is missing.
 * The bundled table holds quarterly **averages** of the ten-day figures, not end-of-period
 * levels, and its names say so.
 *
 * @example readBojBs01(text, "data/boj-accounts/boj_bs01_quarterly_average_1998_2024.csv", { dataset: "boj-accounts", vintage: "2024-10" })
 */
export function readBojBs01(text: string, file: string, options: Bs01Options): Series[] {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.replace(/\s+/g, " ").trim());
  if (!isBojBs01Header(header))
    throw new DataError(
      `${file}: row 1: not a BoJ BS01 table (expected Date, then "Bank of Japan Accounts/..." columns)`,
      {
        place: { file, row: 1 },
      },
    );
  const dates: { row: number; date: string }[] = [];
  const months = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const raw = (rows[r]![0] ?? "").trim();
    if (raw === "" && rows[r]!.length === 1) continue;
    const m = /^(\d{4})\/(0[1-9]|1[0-2])$/.exec(raw);
    if (!m)
      throw new DataError(
        `${file}: row ${r + 1}, column Date: invalid period ${JSON.stringify(raw)} (expected YYYY/MM)`,
        {
          place: { file, row: r + 1, column: "Date" },
        },
      );
    months.add(m[2]!);
    dates.push({ row: r, date: `${m[1]}-${m[2]}` });
  }
  const quarterly = [...months].every((mm) => ["03", "06", "09", "12"].includes(mm));
  const period = (d: string) => (quarterly ? `${d.slice(0, 4)}-Q${Number(d.slice(5)) / 3}` : d);
  const basis = options.basis ? ` (${options.basis})` : "";
  return header.slice(1).map((name, k) => {
    const c = k + 1;
    const observations = [];
    for (const { row, date } of dates) {
      const cell = rows[row]![c];
      const v = parseNumberCell(cell);
      if (v === undefined)
        throw new DataError(
          `${file}: row ${row + 1}, column ${name}: not a number: ${JSON.stringify(cell)}`,
          {
            place: { file, row: row + 1, column: name },
          },
        );
      if (v !== null) observations.push({ date: period(date), value: v });
    }
    return {
      id: `BOJ/BS01/${idOf(name)}`,
      entity: "boj",
      name: `${name.slice(PREFIX.length)}${basis}`,
      frequency: quarterly ? ("Q" as const) : ("M" as const),
      unit: "JPY",
      scale: 8,
      dataset: options.dataset,
      file,
      vintage: options.vintage,
      observations,
    };
  });
}
