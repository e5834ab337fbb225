import { readFileSync } from "node:fs";
import { join } from "node:path";

import { FED_H41_DATASET, readFedH41Csv } from "../../io/fed/h41-ddp.ts";
import { readFedYearend } from "../../io/fed/h41-yearend.ts";
import {
  buildPbocSheets,
  PBOC_DATASET,
  readPbocLongCsv,
  readPbocWideCsv,
} from "../../io/pboc/monetary-authority.ts";
import { ODC_DATASET, readOdcWideCsv } from "../../io/pboc/odc-item-map.ts";
import { readPbocWorkbook } from "../../io/pboc/xls-workbook.ts";
import { EWN_DATASET, EWN_FILE, readEwn } from "../../io/sources/ewn.ts";
import { parseFredCsv } from "../../io/sources/fred-csv.ts";
import { readWorkbook } from "../../io/xlsx/read-workbook.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Series } from "../../model/series.ts";
import { type BundledDataset, text } from "./dataset.ts";

/** A bundled FRED CSV as a series of `entity`, with the unit and scale FRED publishes it in. */
function fredSeries(
  dir: string,
  dataset: string,
  file: string,
  meta: { entity: string; name: string; unit: string; scale: number; vintage: string },
): Series {
  const s = parseFredCsv(text(dir, `${dataset}/${file}`), `data/${dataset}/${file}`)[0]!;
  return { ...s, ...meta, dataset };
}

/** The PBoC's other-depository-corporations workbooks, one per year (the table starts in 2006). */
const ODC_WORKBOOKS = Array.from(
  { length: 15 },
  (_, i) => `${PBOC_DATASET}/raw_xls/other_depository_corporations_bs_${2006 + i}.xls`,
);
const ODC_CSV = `${PBOC_DATASET}/twk2022_csv/other_depository_corporations_bs_2008_2022.csv`;

/**
 * The ODC sheets 2006-01..2022-12: the workbooks (source = file, sheet, row, column) for 2006-2020,
 * the TWK2022 extract for 2021-2022 only. The extract equals the workbooks on every line it carries
 * in 2008-2020 (test/io/pboc/xls-workbook.test.ts); it lacks 总资产 and repeats 其他负债存款 in place
 * of 其他负债, so those months carry the reader's note and total assets is the sum of the items.
 */
function readOdc(dir: string): BalanceSheet[] {
  const fromXls = ODC_WORKBOOKS.flatMap(
    (f) =>
      readPbocWorkbook(readWorkbook(readFileSync(join(dir, f)), `data/${f}`), { dataset: ODC_DATASET })
        .sheets,
  );
  const last = fromXls.reduce((m, s) => (s.date > m ? s.date : m), "");
  const later = readOdcWideCsv(text(dir, ODC_CSV), `data/${ODC_CSV}`).filter((s) => s.date > last);
  return [...fromXls, ...later];
}

const FED_YEAREND_FILE = `${FED_H41_DATASET}/yearend-items/fed_h41_yearend_long.csv`;

/** The balance sheets and series of the mismatch study: central banks and countries. */
export const BALANCE_SHEET_BUNDLED: BundledDataset[] = [
  {
    id: PBOC_DATASET,
    title: "PBoC Balance Sheet of Monetary Authority (货币当局资产负债表), monthly 2000-01..2022-12",
    publisher: "People's Bank of China, Survey and Statistics Department",
    origin:
      "PBoC workbooks via github.com/lingjf/fr (2000-2020); TWK2022/TimeSeriesForecasting CSV (2021-2022)",
    vintage: "2023-06-03",
    licence: "PBoC public statistics; no licence stated by the redistributing repositories",
    restricted: false,
    files: [
      `${PBOC_DATASET}/monetary_authority_bs_long_2000_2020.csv`,
      `${PBOC_DATASET}/twk2022_csv/monetary_authority_bs_2008_2022.csv`,
    ],
    read(dir) {
      const [long, wide] = this.files as [string, string];
      // The workbooks cover 2000-2020; the TWK2022 extract agrees with them exactly there and adds 2021-22.
      const cells = [
        ...readPbocLongCsv(text(dir, long), long),
        ...readPbocWideCsv(text(dir, wide), `data/${wide}`, "2021-01"),
      ];
      return { sheets: buildPbocSheets(cells) };
    },
  },
  {
    id: ODC_DATASET,
    title:
      "PBoC Balance Sheet of Other Depository Corporations (其他存款性公司资产负债表), monthly 2006-01..2022-12",
    publisher: "People's Bank of China, Survey and Statistics Department",
    origin:
      "PBoC workbooks via github.com/lingjf/fr (2006-2020); TWK2022/TimeSeriesForecasting CSV (2021-2022)",
    vintage: "2023-06-03",
    licence: "PBoC public statistics; no licence stated by the redistributing repositories",
    restricted: false,
    files: [...ODC_WORKBOOKS, ODC_CSV],
    read: (dir) => ({ sheets: readOdc(dir) }),
  },
  {
    id: FED_H41_DATASET,
    title:
      "Federal Reserve H.4.1: itemised statement 2016-02..2017-12, year-end lines 2003-2013 (TIPS lines marked inflation-indexed) and FRED WALCL/WRESBAL/TREAST/WSHOMCB/WSHOSHO/WCURCIR 2002-2026",
    publisher:
      "Board of Governors of the Federal Reserve System (H.4.1), via FRED and the Data Download Program",
    origin:
      "github.com/jonsflow/risk-model, opxie1/usd, cool1990/Invest_Dashboard_V2 (FRED CSVs); github.com/mike4802/thefed (FRB_H41.csv); federalreserve.gov H.4.1 and Statistical Supplement pages (year-end lines)",
    vintage: "2026-06-05",
    licence: "US government data; no licence stated by the redistributing repositories",
    restricted: false,
    files: [
      `${FED_H41_DATASET}/FRB_H41_2016-02_2017-12.csv`,
      `${FED_H41_DATASET}/WALCL.csv`,
      `${FED_H41_DATASET}/WRESBAL.csv`,
      `${FED_H41_DATASET}/TREAST.csv`,
      `${FED_H41_DATASET}/WSHOMCB.csv`,
      `${FED_H41_DATASET}/WSHOSHO.csv`,
      `${FED_H41_DATASET}/WCURCIR.csv`,
      FED_YEAREND_FILE,
    ],
    read(dir) {
      const h41 = `${FED_H41_DATASET}/FRB_H41_2016-02_2017-12.csv`;
      const vintage = this.vintage;
      const usd = { entity: "fed", unit: "USD", scale: 6, vintage };
      const yearend = readFedYearend(
        text(dir, FED_YEAREND_FILE),
        `data/${FED_YEAREND_FILE}`,
        FED_H41_DATASET,
      );
      return {
        sheets: [...yearend.sheets, ...readFedH41Csv(text(dir, h41), `data/${h41}`)],
        series: [
          ...yearend.series.map((s) => ({ ...s, vintage })),
          fredSeries(dir, FED_H41_DATASET, "WSHOMCB.csv", {
            ...usd,
            name: "Mortgage-backed securities held outright (Wednesday level)",
          }),
          fredSeries(dir, FED_H41_DATASET, "WSHOSHO.csv", {
            ...usd,
            name: "Securities held outright (Wednesday level)",
          }),
          // A week average, not a Wednesday level, and coin included: not Federal Reserve notes.
          fredSeries(dir, FED_H41_DATASET, "WCURCIR.csv", {
            ...usd,
            name: "Currency in circulation (week average, not a Wednesday level; includes coin)",
          }),
          fredSeries(dir, FED_H41_DATASET, "WALCL.csv", { ...usd, name: "Total assets (Wednesday level)" }),
          fredSeries(dir, FED_H41_DATASET, "WRESBAL.csv", {
            ...usd,
            name: "Reserve balances with Federal Reserve Banks (Wednesday level)",
          }),
          fredSeries(dir, FED_H41_DATASET, "TREAST.csv", {
            ...usd,
            name: "U.S. Treasury securities held outright (Wednesday level)",
          }),
        ],
      };
    },
  },
  {
    id: "fred-us-monetary",
    title: "FRED currency in circulation (CURRCIR), monthly 1917-2023",
    publisher: "Board of Governors of the Federal Reserve System, via FRED",
    origin: "github.com/open-datahub/monetary",
    vintage: "2023-12-17",
    licence: "US government data; no licence stated by the redistributing repository",
    restricted: false,
    files: ["fred-us-monetary/CURRCIR.csv"],
    read(dir) {
      return {
        series: [
          fredSeries(dir, "fred-us-monetary", "CURRCIR.csv", {
            entity: "fed",
            name: "Currency in circulation (incl. coin and Treasury currency)",
            unit: "USD",
            scale: 9,
            vintage: this.vintage,
          }),
        ],
      };
    },
  },
  {
    id: "fred-ecb-boj-total-assets",
    title:
      "FRED Eurosystem total assets (ECBASSETSW, weekly) and Bank of Japan total assets (JPNASSETS, annual average)",
    publisher: "ECB and Bank of Japan, via FRED",
    origin: "github.com/vicdecoc/Assignment-2---macro; github.com/tomasdzedulionis/makroekonomika",
    vintage: "2025-05-09",
    licence: "none stated",
    restricted: false,
    files: ["fred-ecb-boj-total-assets/ECBASSETSW.csv", "fred-ecb-boj-total-assets/JPNASSETS.csv"],
    read(dir) {
      const d = "fred-ecb-boj-total-assets";
      return {
        series: [
          fredSeries(dir, d, "ECBASSETSW.csv", {
            entity: "ecb",
            name: "Eurosystem total assets (weekly)",
            unit: "EUR",
            scale: 6,
            vintage: this.vintage,
          }),
          fredSeries(dir, d, "JPNASSETS.csv", {
            entity: "boj",
            name: "Bank of Japan total assets (annual average of monthly values)",
            unit: "JPY",
            scale: 8,
            vintage: this.vintage,
          }),
        ],
      };
    },
  },
  {
    id: EWN_DATASET,
    title:
      "External Wealth of Nations (Lane and Milesi-Ferretti), 1970-2021: FDI, debt, reserves, GDP columns",
    publisher: "Gian Maria Milesi-Ferretti, Brookings Institution (2022-12-12 version)",
    origin: "github.com/giannisic/International-Monetary-Economics-Assignment-3",
    vintage: "2022-12-12",
    licence: "none stated; cite Milesi-Ferretti (2022), The External Wealth of Nations Database",
    restricted: false,
    files: [`${EWN_DATASET}/${EWN_FILE}`],
    read(dir) {
      return { series: readEwn(join(dir, EWN_DATASET, EWN_FILE)) };
    },
  },
];
