/**
 * Layouts of central banks' own downloads: the Bank of Japan's BS01 "Bank of Japan Accounts" table
 * and its Accounts long CSV, and the ECB Data Portal's ILM (weekly financial statement) SDMX-CSV.
 */
import { isBojAccountsHeader, readBojAccounts } from "../boj/accounts.ts";
import { isBojBs01Header, readBojBs01 } from "../boj/bs01.ts";
import { ilmSheets } from "../ecb/ilm.ts";
import { readSdmxCsv, sdmxToSeries } from "../sdmx/read-sdmx-csv.ts";
import { series, sheets } from "./helpers.ts";
import type { Mapping } from "./types.ts";

export const bojBs01: Mapping = {
  name: "boj-bs01",
  description:
    'Bank of Japan BS01 "Bank of Japan Accounts" table: Date (YYYY/MM), then one column per item named Bank of Japan Accounts/<side>/<item>; 100 million yen; series BOJ/BS01/<PATH> of boj',
  // The BoJ's header has a quoted line break in one name, so the first line alone is not the header.
  detect: (h, text) => isBojBs01Header(h) || /^\uFEFF?"?Date"?,"?Bank of Japan Accounts\//.test(text),
  read: (text, ctx) => series(readBojBs01(text, ctx.file, { dataset: ctx.dataset, vintage: ctx.today })),
};

export const bojAccounts: Mapping = {
  name: "boj-accounts",
  description:
    "Bank of Japan Accounts (営業毎旬報告) long CSV: date,side,item,value_thousand_yen,source_url,note (one row per printed line); sheets of boj in thousand yen",
  detect: (h) => isBojAccountsHeader(h),
  read(text, ctx) {
    const list = readBojAccounts(text, ctx.file, { dataset: ctx.dataset });
    return sheets(list, [["boj", "JPY"]]);
  },
};

export const ecbIlm: Mapping = {
  name: "ecb-ilm",
  description:
    "ECB Data Portal SDMX-CSV of ILM (internal liquidity management / weekly financial statement): series ECB/ILM/<KEY>; weekly Eurosystem lines (W.U2.C.<item>) also become ecb sheet lines dated the Friday",
  detect: (h, text) => /^DATAFLOW(:.*)?$/.test(h[0] ?? "") && /(^|\n)ECB:ILM\(/.test(text.slice(0, 4096)),
  read(text, ctx) {
    const data = readSdmxCsv(text, ctx.file);
    const list = sdmxToSeries(data, ctx.file, { dataset: ctx.dataset, vintage: ctx.today });
    const weekly = ilmSheets(data, ctx.file, ctx.dataset);
    return { ...sheets(weekly, weekly.length ? [["ecb", "EUR"]] : []), series: list };
  },
};
