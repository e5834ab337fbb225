import { BOJ_ACCOUNTS_DATASET, readBojAccounts } from "../../io/boj/accounts.ts";
import { readBojBs01 } from "../../io/boj/bs01.ts";
import {
  ECB_WFS_DATASET,
  readEurosystemStatements,
  readEurosystemTextFigures,
} from "../../io/ecb/weekly-statement.ts";
import { readSafeExternalDebt, SAFE_DATASET } from "../../io/safe/external-debt.ts";
import { parseBisWideCsv } from "../../io/sources/bis-wide-csv.ts";
import { parseFredCsv } from "../../io/sources/fred-csv.ts";
import { type BundledDataset, text } from "./dataset.ts";

// Central-bank statements and external-debt figures found after the first release (see data/SOURCES.md,
// "Added 2026-12-01"). Each folder keeps the publisher's own SOURCES.md and CHECKS.md.
const BOJ = BOJ_ACCOUNTS_DATASET;
const ECB = ECB_WFS_DATASET;
const DSR = "bis-debt-service-ratios";

/** The statements and external-debt datasets, in loading order. */
export const STATEMENT_BUNDLED: BundledDataset[] = [
  {
    id: BOJ,
    title:
      "Bank of Japan Accounts (営業毎旬報告), 13 month-end releases 2006-2022 (+3 from reprints), and BS01 quarterly averages 1998-2024",
    publisher: "Bank of Japan (Source: Bank of Japan, Bank of Japan Accounts)",
    origin:
      "boj.or.jp release pages (acYYMMDD.htm) as stored copies; reprints on marketscreener.com and kabumatome; BS01 via github.com/better-and-bad/shiny_raw_data @b8066746",
    vintage: "2026-12-01",
    licence:
      "BoJ terms: copying allowed with the Bank of Japan credited; commercial use needs permission; content may not be altered (files kept as read)",
    restricted: false,
    files: [
      `${BOJ}/boj_accounts_long.csv`,
      `${BOJ}/boj_accounts_long_mirrors.csv`,
      `${BOJ}/boj_bs01_quarterly_average_1998_2024.csv`,
    ],
    read(dir) {
      const [own, mirrors, bs01] = this.files as [string, string, string];
      return {
        sheets: [
          ...readBojAccounts(text(dir, own), `data/${own}`),
          ...readBojAccounts(text(dir, mirrors), `data/${mirrors}`, { mirror: true }),
        ],
        series: readBojBs01(text(dir, bs01), `data/${bs01}`, {
          dataset: BOJ,
          vintage: this.vintage,
          basis: "quarterly average of ten-day figures, not end of quarter",
        }),
      };
    },
  },
  {
    id: ECB,
    title:
      "Consolidated financial statement of the Eurosystem: table lines of 6 statements (2009-2024) and commentary figures at year-ends 2004-2023",
    publisher: "European Central Bank",
    origin:
      "ecb.europa.eu weekly statement pages (fsYYMMDD, fstYYMMDD) and verbatim reprints, as stored copies",
    vintage: "2026-12-01",
    licence: "ECB: reproduction allowed with the source acknowledged",
    restricted: false,
    files: [`${ECB}/eurosystem_wfs_long.csv`, `${ECB}/eurosystem_wfs_text_figures.csv`],
    read(dir) {
      const [long, figures] = this.files as [string, string];
      return {
        // The long file's TEXT rows repeat the text-figures file in EUR millions: read from there.
        sheets: readEurosystemStatements(text(dir, long), `data/${long}`).sheets,
        series: readEurosystemTextFigures(text(dir, figures), `data/${figures}`, { vintage: this.vintage }),
      };
    },
  },
  {
    id: SAFE_DATASET,
    title:
      "China: SAFE external debt (total, short-term) and official FX reserves, year-ends 2001-2024; FRED TRESEGCNM052N",
    publisher: "State Administration of Foreign Exchange (SAFE); IMF IFS via FRED",
    origin:
      "SAFE releases and pages quoting them (each row names its page); github.com/Ali-Mirza-Ammar/Capstone @8c9ec799 (TRESEGCNM052N)",
    vintage: "2026-12-01",
    licence: "SAFE public statistics; none stated by the pages or the repository",
    restricted: false,
    files: [`${SAFE_DATASET}/china_external_debt_annual.csv`, `${SAFE_DATASET}/TRESEGCNM052N.csv`],
    read(dir) {
      const [annual, fred] = this.files as [string, string];
      const tre = parseFredCsv(text(dir, fred), `data/${fred}`)[0]!;
      return {
        series: [
          ...readSafeExternalDebt(text(dir, annual), `data/${annual}`, { vintage: this.vintage }).series,
          {
            ...tre,
            entity: "CN",
            name: "China total reserves excluding gold (IMF IFS via FRED, monthly; a proxy for official FX reserves)",
            unit: "USD",
            scale: 6,
            dataset: SAFE_DATASET,
            vintage: this.vintage,
          },
        ],
      };
    },
  },
  {
    id: DSR,
    title:
      "BIS debt service ratios (households, non-financial corporations, private sector), 1999-Q1..2019-Q1",
    publisher: "Bank for International Settlements",
    origin: "github.com/Walras-data/countryrisk @b2e2587f (BIS csv_col download, 2019)",
    vintage: "2019",
    licence: "none stated; BIS terms of use apply",
    restricted: false,
    files: [`${DSR}/WEBSTATS_DSR_DATAFLOW_csv_col.csv`],
    read(dir) {
      const file = this.files[0]!;
      return {
        series: parseBisWideCsv(text(dir, file), `data/${file}`).map(({ dims: _dims, ...s }) => ({
          ...s,
          // The same id as a WS_DSR download or `bslab fetch bis WS_DSR/...` stores.
          id: `BIS/WS_DSR/${s.id.split("/").pop()!.replace(/:/g, ".")}`,
          name: `Debt service ratio: ${s.name}`,
          unit: "% of income",
          dataset: DSR,
          vintage: this.vintage,
        })),
      };
    },
  },
];
