import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { sheetjs } from "../xlsx/sheetjs.ts";
import { diskCached } from "./common.ts";
import { sourceMessages } from "./messages.ts";
import { xlsxNumber, type XlsxCell } from "./xlsx-rows.ts";

export const EWN_DATASET = "external-wealth-of-nations-2022";
export const EWN_FILE = "EWN-dataset_12-2022.xlsx";

/**
 * The External Wealth of Nations columns bslab keeps (millions of current USD), by short code.
 * Only these are stored, which keeps the first load fast; the workbook has 27 columns.
 */
export const EWN_VARIABLES = {
  fdi_assets: "FDI assets",
  fdi_liabilities: "FDI liabilities",
  debt_assets: "Debt assets",
  debt_liabilities: "Debt liabilities",
  fx_reserves: "FX Reserves minus gold",
  gdp: "GDP (US$)",
} as const;

export type EwnVariable = keyof typeof EWN_VARIABLES;

/** Series id of one EWN variable for one economy (by IFS code): `EWN/2022-12/924.debt_liabilities`. */
export function ewnSeriesId(ifs: number | string, variable: EwnVariable): string {
  return `EWN/2022-12/${ifs}.${variable}`;
}

interface Extract {
  country: string;
  ifs: number;
  year: number;
  row: number;
  values: (number | null)[];
}

function extract(rows: XlsxCell[][], file: string): Extract[] {
  const header = (rows[0] ?? []).map((h) => String(h ?? "").trim());
  const want = ["Country", "IFS_Code", "Year", ...Object.values(EWN_VARIABLES)];
  const idx = want.map((w) => header.findIndex((h) => h.toLowerCase() === w.toLowerCase()));
  const missing = want.filter((_, i) => idx[i]! < 0);
  if (missing.length > 0)
    throw new DataError(sourceMessages.missingColumns(file, missing, header), { place: { file, row: 1 } });
  const out: Extract[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const country = String(row[idx[0]!] ?? "").trim();
    if (country === "") continue;
    const ifs = xlsxNumber(row[idx[1]!], file, r + 1, "IFS_Code");
    const year = xlsxNumber(row[idx[2]!], file, r + 1, "Year");
    if (ifs === null || year === null) continue;
    out.push({
      country,
      ifs,
      year,
      row: r + 1,
      values: idx.slice(3).map((c, k) => xlsxNumber(row[c], file, r + 1, want[k + 3]!)),
    });
  }
  return out;
}

/**
 * Reads the EWN workbook's "Dataset" sheet into one annual series per economy and kept variable
 * (entity = the economy's name as EWN spells it, e.g. "China"; unit USD millions). The parsed
 * columns are cached on disk, so only the first run pays SheetJS's parse.
 * @example readEwn("data/external-wealth-of-nations-2022/EWN-dataset_12-2022.xlsx")
 */
export function readEwn(path: string, file = `data/${EWN_DATASET}/${EWN_FILE}`): Series[] {
  const rows = diskCached(path, "ewn-v1", () => {
    const wb = sheetjs().read(readFileSync(path), {
      dense: true,
      sheets: "Dataset",
      cellStyles: false,
      cellHTML: false,
      cellText: false,
    });
    const ws = wb.Sheets["Dataset"];
    if (!ws)
      throw new DataError(sourceMessages.missingSheet(file, "Dataset", wb.SheetNames), { place: { file } });
    return extract(
      sheetjs().utils.sheet_to_json<XlsxCell[]>(ws, { header: 1, raw: true, defval: null }),
      file,
    );
  });
  const vars = Object.keys(EWN_VARIABLES) as EwnVariable[];
  const series = new Map<string, Series>();
  for (const e of rows) {
    vars.forEach((v, k) => {
      const value = e.values[k];
      if (value === null || value === undefined) return;
      const id = ewnSeriesId(e.ifs, v);
      let s = series.get(id);
      if (!s) {
        s = {
          id,
          entity: e.country,
          name: `${EWN_VARIABLES[v]} (${e.country})`,
          frequency: "A",
          unit: "USD",
          scale: 6,
          dataset: EWN_DATASET,
          file,
          vintage: "2022-12-12",
          observations: [],
        };
        series.set(id, s);
      }
      s.observations.push({ date: String(e.year), value });
    });
  }
  return [...series.values()];
}
