/** Layouts of the research datasets: crisis databases, EWN, JST, Shiller, sectoral balances, Nikkei. */
import { existsSync } from "node:fs";

import { DataError } from "../../errors.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { readEwn } from "../sources/ewn.ts";
import { parseJst } from "../sources/jst.ts";
import { parseLaevenValencia } from "../sources/laeven-valencia.ts";
import { parseNikkei } from "../sources/nikkei.ts";
import { parseReinhartRogoff } from "../sources/reinhart-rogoff.ts";
import { parseSectoralBalances } from "../sources/sectoral-balances.ts";
import { parseShiller } from "../sources/shiller.ts";
import { bytesOf, has, series } from "./helpers.ts";
import type { ImportContext, Mapping } from "./types.ts";

/** The parts of a workbook-only layout: it never takes text. */
const workbookOnly = (name: string, description: string) => ({
  name,
  description,
  input: "workbook" as const,
  detect: () => false,
  read: () => {
    throw new DataError(`${name} reads workbooks`);
  },
});

/**
 * Adds `value` for `year` to the annual series `head.id` in `out`, starting the series (unit as
 * given, scale 0, recorded under the import) when it is not there; a year already there is kept.
 */
function addAnnual(
  out: Map<string, Series>,
  ctx: ImportContext,
  head: { id: string; entity: string; name: string; unit: string },
  year: number,
  value: number,
) {
  const { id, entity, name, unit } = head;
  const s = out.get(id) ?? {
    id,
    entity,
    name,
    frequency: "A" as Frequency,
    unit,
    scale: 0,
    dataset: ctx.dataset,
    file: ctx.file,
    vintage: ctx.today,
    observations: [],
  };
  if (!s.observations.some((o) => o.date === String(year)))
    s.observations.push({ date: String(year), value });
  out.set(id, s);
}

export const laevenValencia: Mapping = {
  ...workbookOnly(
    "laeven-valencia",
    "Laeven-Valencia systemic banking crises workbook (sheet 'Crisis Resolution and Outcomes'): per country, crisis start/end years and outcomes as annual series",
  ),
  detectWorkbook: (wb) => wb.sheetNames.includes("Crisis Resolution and Outcomes"),
  readWorkbook(wb, ctx) {
    const crises = parseLaevenValencia(bytesOf(wb), ctx.file);
    const out = new Map<string, Series>();
    const add = (country: string, key: string, unit: string, date: number, value: number | null) => {
      if (value === null) return;
      const head = {
        id: `LV/SBC/${country}.${key}`,
        entity: country,
        name: `${country}: ${key.replace(/_/g, " ")}`,
        unit,
      };
      addAnnual(out, ctx, head, date, value);
    };
    for (const c of crises) {
      add(c.country, "crisis_start", "1 = a systemic banking crisis starts", c.start, 1);
      if (c.end !== null) add(c.country, "crisis_end", "1 = a systemic banking crisis ends", c.end, 1);
      add(c.country, "output_loss", "% of trend GDP (cumulative, by start year)", c.start, c.outputLoss);
      add(c.country, "fiscal_cost_gross", "% of GDP (by start year)", c.start, c.fiscalCostGross);
      add(c.country, "peak_npl", "% of total loans (by start year)", c.start, c.peakNpl);
      add(c.country, "public_debt_increase", "% of GDP (by start year)", c.start, c.publicDebtIncrease);
    }
    return series(
      [...out.values()].map((s) => ({
        ...s,
        observations: s.observations.sort((a, b) => a.date.localeCompare(b.date)),
      })),
    );
  },
};

export const reinhartRogoff: Mapping = {
  ...workbookOnly(
    "reinhart-rogoff",
    "Reinhart-Rogoff Global Crises Data by Country workbook: banking crisis, systemic crisis (0/1) and inflation (%) per country-year",
  ),
  detectWorkbook: (wb) => {
    const h = (wb.sheet(wb.sheetNames[0]).rows[0] ?? []).map((c) => String(c ?? "").trim());
    return h.includes("CC3") && h.includes("Banking Crisis");
  },
  readWorkbook(wb, ctx) {
    const out = new Map<string, Series>();
    const vars = [
      ["banking_crisis", "bankingCrisis", "0/1"],
      ["systemic_crisis", "systemicCrisis", "0/1"],
      ["inflation", "inflation", "% per year (CPI)"],
    ] as const;
    for (const y of parseReinhartRogoff(bytesOf(wb), ctx.file))
      for (const [key, field, unit] of vars) {
        const v = y[field];
        if (v === null) continue;
        const head = {
          id: `RR/global-crises/${y.cc3}.${key}`,
          entity: y.cc3,
          name: `${y.country}: ${key.replace(/_/g, " ")}`,
          unit,
        };
        addAnnual(out, ctx, head, y.year, v);
      }
    return series([...out.values()]);
  },
};

export const ewn: Mapping = {
  ...workbookOnly(
    "ewn",
    "External Wealth of Nations workbook (sheet 'Dataset'): FDI, debt, reserves and GDP per economy, USD millions (series EWN/2022-12/<IFS>.<variable>)",
  ),
  detectWorkbook: (wb) => wb.sheetNames.includes("Dataset") && wb.sheetNames.includes("Variables"),
  readWorkbook(_wb, ctx) {
    if (!existsSync(ctx.file)) throw new DataError(`${ctx.file}: the EWN reader needs the file on disk`);
    return series(readEwn(ctx.file, ctx.file));
  },
};

export const shiller: Mapping = {
  name: "shiller",
  description: "Shiller ie_data monthly extract: month,sp_comp_price,...,cape",
  detect: (h) => h[0] === "month" && h.includes("cape"),
  read: (text, ctx) => series(parseShiller(text, ctx.file)),
};

export const jst: Mapping = {
  name: "jst",
  description:
    "Jorda-Schularick-Taylor Macrohistory CSV: year,country,iso,<variables> (one series per country and variable)",
  detect: (h) => has(h, "year", "country", "iso") && h.length > 4,
  read: (text, ctx) => series(parseJst(text, ctx.file)),
};

export const sectoralBalances: Mapping = {
  name: "sectoral-balances",
  description:
    "sectoral net lending (% of GDP): Geo,Time,Households,Government,Corporate,Foreign,Freq,Source,Countryname,id",
  detect: (h) => has(h, "Geo", "Time", "Households", "Government", "Corporate", "Foreign"),
  read: (text, ctx) => series(parseSectoralBalances(text, ctx.file)),
};

export const nikkei: Mapping = {
  name: "nikkei",
  description: "daily index file date,open,close,volume (Nikkei 225 closes)",
  detect: (h) => has(h, "date", "open", "close"),
  read: (text, ctx) => series(parseNikkei(text, ctx.file)),
};
