import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { datasetPath, memoize, numberAt, requireColumns } from "./common.ts";
import { sourceMessages } from "./messages.ts";

const UNITS: Record<string, string> = {
  sp_comp_price: "index (S&P composite)",
  dividend: "USD per index unit",
  earnings: "USD per index unit",
  cpi: "index",
  gs10_long_rate: "% per year",
  real_price: "index, real",
  real_dividend: "real",
  real_earnings: "real",
  cape: "ratio (P/E10)",
};

/**
 * Parses the derived monthly extract of Shiller's `ie_data.xls` (`month,sp_comp_price,...,cape`)
 * into one monthly Series per column (`SHILLER/ie_data/cape`).
 * @example parseShiller(text, "ie_data_monthly_extract.csv").find((s) => s.name === "cape")
 */
export function parseShiller(text: string, fileName: string): Series[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  const [iMonth] = requireColumns(fileName, header, ["month"]) as [number];
  if (rows.length < 2) throw new DataError(sourceMessages.emptyFile(fileName), { place: { file: fileName } });
  const series = header
    .map((h, i) => ({ h: h.trim(), i }))
    .filter((c) => c.i !== iMonth)
    .map((c) => ({
      col: c.i,
      s: {
        id: `SHILLER/ie_data/${c.h}`,
        entity: "US",
        name: c.h,
        frequency: "M" as const,
        unit: (Object.hasOwn(UNITS, c.h) ? UNITS[c.h] : undefined) ?? "",
        scale: 0,
        dataset: "shiller-us-market-and-housing",
        file: fileName,
        vintage: "2026-07",
        observations: [] as { date: string; value: number }[],
      },
    }));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === "") continue;
    const month = (row[iMonth] ?? "").trim();
    if (!/^\d{4}-\d{2}$/.test(month))
      throw new DataError(
        sourceMessages.badDate({ file: fileName, row: r + 1, column: "month" }, month, "YYYY-MM"),
        {
          place: { file: fileName, row: r + 1, column: "month" },
        },
      );
    for (const c of series) {
      const v = numberAt(row[c.col], fileName, r + 1, c.s.name);
      if (v !== null) c.s.observations.push({ date: month, value: v });
    }
  }
  return series.map((c) => c.s);
}

/** Loads the bundled Shiller monthly extract once per process. */
export function loadShiller(): Series[] {
  return memoize("shiller", () => {
    const name = "ie_data_monthly_extract.csv";
    return parseShiller(readFileSync(datasetPath("shiller-us-market-and-housing", name), "utf8"), name);
  });
}
