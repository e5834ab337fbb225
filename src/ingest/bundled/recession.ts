import type { BisSeries } from "../../io/sources/bis-wide-csv.ts";
import {
  bisSeries,
  jstSeries,
  lvSeries,
  nikkeiSeries,
  pfmhSeries,
  RECESSION_FILES as RF,
  RECESSION_STORE_JST_VARS,
  rrSeries,
  sectoralSeries,
  shillerSeries,
} from "../../io/sources/recession-series.ts";
import type { BundledDataset } from "./dataset.ts";

// The balance-sheet-recession monitor's inputs (src/recession). All optional: the monitor reports
// "not computable" for what a missing one would supply.
// The JST variables the monitor reads (of 59); the rest stay in the file.
const JST_STORED: readonly string[] = RECESSION_STORE_JST_VARS;
const BIS_ORIGIN = "github.com/Burak-Bozkurt18/Master-s-Thesis @d1a41e5 (data/raw/), BIS csv_col downloads";
const BIS_COMMON = {
  publisher: "Bank for International Settlements",
  origin: BIS_ORIGIN,
  vintage: "2026 (last quarter 2025-Q4)",
  licence: "none stated; BIS terms of use apply",
  restricted: false,
  optional: true,
} as const;
const bisFile = (f: "WS_TC" | "WS_CREDIT_GAP" | "WS_SPP" | "WS_LONG_CPI") =>
  `${RF.bis.folder}/${RF.bis.file(f)}`;

export const RECESSION_BUNDLED: BundledDataset[] = [
  {
    id: "bis-ws-tc",
    title:
      "BIS total credit to the non-financial sector (WS_TC), quarterly: the % of GDP series and private credit in national currency only",
    ...BIS_COMMON,
    files: [bisFile("WS_TC")],
    read(dir) {
      // 1,133 series in the file; the monitor uses % of GDP (770) and private credit in national
      // currency (P ... XDC); the USD and other-unit series would triple the first-run load.
      const keep = (s: BisSeries) =>
        s.dims.UNIT_TYPE === "770" || (s.dims.TC_BORROWERS === "P" && s.dims.UNIT_TYPE === "XDC");
      return { series: bisSeries(dir, "WS_TC", this.id, keep) };
    },
  },
  {
    id: "bis-ws-credit-gap",
    title: "BIS credit-to-GDP ratios, trends and gaps (WS_CREDIT_GAP), quarterly",
    ...BIS_COMMON,
    files: [bisFile("WS_CREDIT_GAP")],
    read(dir) {
      return { series: bisSeries(dir, "WS_CREDIT_GAP", this.id) };
    },
  },
  {
    id: "bis-ws-spp",
    title: "BIS selected residential property prices (WS_SPP), quarterly",
    ...BIS_COMMON,
    files: [bisFile("WS_SPP")],
    read(dir) {
      return { series: bisSeries(dir, "WS_SPP", this.id) };
    },
  },
  {
    id: "bis-ws-long-cpi",
    title:
      "BIS long consumer price series (WS_LONG_CPI), annual series only (the file's monthly series are not stored)",
    ...BIS_COMMON,
    vintage: "2026 (last month 2026-04)",
    files: [bisFile("WS_LONG_CPI")],
    read(dir) {
      return { series: bisSeries(dir, "WS_LONG_CPI", this.id, (s) => s.frequency === "A") };
    },
  },
  {
    id: RF.jst.folder,
    title: `Jordà-Schularick-Taylor Macrohistory Database R6, 18 countries 1870-2020, annual: only the variables the recession monitor uses (${JST_STORED.join(", ")})`,
    publisher: "Òscar Jordà, Moritz Schularick and Alan M. Taylor (macrohistory.net)",
    origin: "github.com/birjusuketupatel/time_varying_equity_returns @b70007a",
    vintage: "R6 (2022-07)",
    licence:
      "CC BY-NC-SA 4.0 (non-commercial, share-alike); cite Jordà, Schularick and Taylor (2017), NBER Macroeconomics Annual 2016",
    restricted: true,
    optional: true,
    files: [`${RF.jst.folder}/${RF.jst.file}`],
    read(dir) {
      return { series: jstSeries(dir, this.id).filter((s) => JST_STORED.includes(s.name)) };
    },
  },
  {
    id: RF.shiller.folder,
    title:
      "Shiller Irrational Exuberance data: S&P composite, dividends, earnings, CPI, GS10, CAPE, monthly 1871-",
    publisher: "Robert J. Shiller (ie_data.xls)",
    origin: "github.com/jwanies/shiller_wrapper_data @21f717d (monthly extract of sheet Data)",
    vintage: "2026-07",
    licence: "none stated (workbook disclaimer only)",
    restricted: false,
    optional: true,
    files: [`${RF.shiller.folder}/${RF.shiller.file}`],
    read(dir) {
      return { series: shillerSeries(dir, this.id) };
    },
  },
  {
    id: RF.nikkei.folder,
    title: "Nikkei 225 index, daily close",
    publisher: "Nikkei Inc. (index), as served by Yahoo Finance",
    origin: "github.com/tzjtan/historical-stock-data @9f36689",
    vintage: "2026-08-21",
    licence: "none stated; Nikkei Inc. owns the index and Yahoo's terms restrict redistribution",
    restricted: true,
    optional: true,
    files: [`${RF.nikkei.folder}/${RF.nikkei.file}`],
    read(dir) {
      return { series: nikkeiSeries(dir, this.id) };
    },
  },
  {
    id: RF.sectors.folder,
    title: "Sectoral financial balances (net lending by sector, % of GDP), quarterly and annual",
    publisher: "Stefan Angrick, compiled from OECD, Eurostat, FRED/Z.1, BoJ flow of funds and Cabinet Office",
    origin: "github.com/EconMaett/stefanangrick @d7b9ceb",
    vintage: "2024-03-16",
    licence: "none stated",
    restricted: false,
    optional: true,
    files: [`${RF.sectors.folder}/${RF.sectors.file}`],
    read(dir) {
      return { series: sectoralSeries(dir, this.id) };
    },
  },
  {
    id: RF.lv.folder,
    title:
      "Laeven-Valencia systemic banking crises 1970-2025: episodes by start year (end, output loss, fiscal cost, peak NPLs)",
    publisher: "Luc Laeven and Fabián Valencia",
    origin: "github.com/Burak-Bozkurt18/Master-s-Thesis @d1a41e5",
    vintage: "2026",
    licence: "none stated",
    restricted: false,
    optional: true,
    files: [`${RF.lv.folder}/${RF.lv.file}`],
    read(dir) {
      return { series: lvSeries(dir, this.id, this.vintage) };
    },
  },
  {
    id: RF.rr.folder,
    title:
      "Reinhart-Rogoff Global Crises Data by Country: banking and systemic crisis flags, inflation, annual",
    publisher: "Carmen M. Reinhart, Kenneth S. Rogoff et al., Harvard Business School",
    origin: "github.com/grantmgeconomics93/civilwar @fb1fcac",
    vintage: "2016-09-23",
    licence: "none stated",
    restricted: false,
    optional: true,
    files: [`${RF.rr.folder}/${RF.rr.file}`],
    read(dir) {
      return { series: rrSeries(dir, this.id, this.vintage) };
    },
  },
  {
    id: RF.pfmh.folder,
    title:
      "IMF Public Finances in Modern History: primary balance, gross debt and real GDP growth only (pb, d, rgc), annual",
    publisher: "IMF Fiscal Affairs Department (Mauro, Romeu, Binder and Zaman)",
    origin: "github.com/Burak-Bozkurt18/Master-s-Thesis @d1a41e5",
    vintage: "as in the repository (2026 download)",
    licence: "none stated",
    restricted: false,
    optional: true,
    files: [`${RF.pfmh.folder}/${RF.pfmh.file}`],
    read(dir) {
      return { series: pfmhSeries(dir, this.id, this.vintage) };
    },
  },
];
