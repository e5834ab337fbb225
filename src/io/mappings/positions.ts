/**
 * Layouts of balance-sheet positions: bslab's long and tidy CSVs, and the PBoC tables (workbooks,
 * the derived long CSV, the TWK2022 wide extracts and its other monthly tables as series).
 */
import { basename } from "node:path";

import { DataError } from "../../errors.ts";
import type { Entity } from "../../model/entity.ts";
import type { Series } from "../../model/series.ts";
import {
  isLongPositionsHeader,
  LONG_POSITION_COLUMNS,
  LONG_POSITION_OPTIONAL,
  LongPositionRows,
  readLongPositions,
} from "../csv/long-positions.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { isTidyHeader, readTidySeries, readTidySheets } from "../export/tidy-csv.ts";
import { ioMessages } from "../messages.ts";
import { buildPbocSheets, readPbocLongCsv, readPbocWideCsv } from "../pboc/monetary-authority.ts";
import { readOdcWideCsv } from "../pboc/odc-item-map.ts";
import { pbocTableOf, readPbocWorkbook } from "../pboc/xls-workbook.ts";
import { has, series, sheets } from "./helpers.ts";
import type { ImportContext, Mapping } from "./types.ts";

// The PBoC's two tables say what they are: 货币当局 is the central bank, 其他存款性公司 the other
// depository corporations; an import of either records that kind with the entity.
const PBOC_ENTITY: Entity = {
  id: "pboc",
  name: { en: "People's Bank of China", zh: "中国人民银行" },
  kind: "central-bank",
  sector: "S.121",
  country: "CN",
  homeCurrency: "CNY",
};
const ODC_ENTITY: Entity = {
  id: "pboc-odc",
  name: { en: "Other depository corporations (China)", zh: "其他存款性公司" },
  kind: "other-depository-corporations",
  sector: "S.122",
  country: "CN",
  homeCurrency: "CNY",
};

export const pbocXls: Mapping = {
  name: "pboc-xls",
  description:
    "PBoC workbook (.xls/.xlsx) of 货币当局资产负债表 (entity pboc) or 其他存款性公司资产负债表 (entity pboc-odc, S.122): first sheet, unit from the 单位 line, sources are sheet/row/column",
  input: "workbook",
  detect: () => false,
  read: () => {
    throw new DataError("pboc-xls reads workbooks");
  },
  detectWorkbook: (wb) => pbocTableOf(wb.sheet(wb.sheetNames[0])) !== undefined,
  readWorkbook(wb, ctx) {
    const r = readPbocWorkbook(wb, { ...(ctx.unit ? { unit: ctx.unit } : {}), dataset: ctx.dataset });
    const entity = r.table === "monetary-authority" ? "pboc" : "pboc-odc";
    return {
      ...sheets(r.sheets, [[entity, "CNY"]], [entity === "pboc" ? PBOC_ENTITY : ODC_ENTITY]),
      unitSource: r.unitSource,
    };
  },
};

export const long: Mapping = {
  name: "long",
  description:
    "plain long CSV of positions: entity,date,item,side,currency,maturity,value,unit (+ optional label,instrument,counterparty,interest_bearing,kind,parent); each sheet must balance",
  columns: { required: LONG_POSITION_COLUMNS, optional: LONG_POSITION_OPTIONAL },
  detect: (h) => isLongPositionsHeader(h) && !isTidyHeader(h),
  read(text, ctx) {
    const { sheets: list, homeCurrency } = readLongPositions(text, ctx.file, ctx.homeCurrencies);
    return { sheets: list, series: [], entities: homeCurrency };
  },
  rows: (header, ctx) => new LongPositionRows(ctx.file, header, ctx.homeCurrencies),
};

export const tidySheets: Mapping = {
  name: "tidy-sheets",
  description:
    "bslab's tidy long export of balance sheets: entity,date,series,value,unit,scale,source,side,kind,... (`bslab export sheet`)",
  detect: (h) => isTidyHeader(h) && h.includes("side"),
  read(text, ctx) {
    const list = readTidySheets(text, ctx.file);
    return sheets(
      list,
      [...new Set(list.map((s) => s.entity))].map((e) => [
        e,
        ctx.homeCurrencies.get(e) ?? list.find((s) => s.entity === e)!.unit.currency,
      ]),
    );
  },
};

export const longSeries: Mapping = {
  name: "long-series",
  description:
    "long series CSV: entity,date,series,value,unit,scale (+ optional source,name,frequency); scale is a power of ten or a word (millions, 亿)",
  detect: (h) => isTidyHeader(h),
  read: (text, ctx) => series(readTidySeries(text, ctx.file, { dataset: ctx.dataset, vintage: ctx.today })),
};

export const pbocLong: Mapping = {
  name: "pboc-long",
  description:
    "PBoC monetary-authority table, one row per published cell: period,source_file,row,item_label,value",
  detect: (h) => has(h, "period", "source_file", "row", "item_label", "value"),
  read: (text, ctx) =>
    sheets(buildPbocSheets(readPbocLongCsv(text, ctx.file)), [["pboc", "CNY"]], [PBOC_ENTITY]),
};

export const pboc: Mapping = {
  name: "pboc",
  description:
    "PBoC monetary-authority table as a wide CSV (TWK2022 extract): month,外汇,货币黄金,...,总负债 (months as YYYY/M; 亿元)",
  detect: (h) => h[0] === "month" && has(h, "外汇", "总负债"),
  read: (text, ctx) =>
    sheets(buildPbocSheets(readPbocWideCsv(text, ctx.file)), [["pboc", "CNY"]], [PBOC_ENTITY]),
};

export const pbocOdc: Mapping = {
  name: "pboc-odc",
  description:
    "PBoC other-depository-corporations table as a wide CSV (TWK2022 extract): month,国外资产,储备资产,...,总负债 (entity pboc-odc; 亿元)",
  detect: (h) => h[0] === "month" && has(h, "储备资产", "总负债"),
  read: (text, ctx) =>
    sheets(readOdcWideCsv(text, ctx.file, "pboc-odc", ctx.dataset), [["pboc-odc", "CNY"]], [ODC_ENTITY]),
};

// Units of the TWK2022 CSV extracts, from the titles of the PBoC tables they copy (the CSVs carry
// no unit line; see data/SOURCES.md). Any other `month,...` file needs --unit.
const TWK_UNITS: Record<string, { unit: string; scale: number; title: string }> = {
  cgpi: { unit: "index, same month of previous year = 100", scale: 0, title: "企业商品价格指数" },
  cny_exchange_rate_end_period: { unit: "CNY per SDR / per USD, end of period", scale: 0, title: "汇率" },
  depository_corporations_survey: { unit: "CNY", scale: 8, title: "存款性公司概览" },
  fi_fx_credit_usd: { unit: "USD", scale: 8, title: "金融机构外汇信贷收支表" },
  fi_rmb_credit: { unit: "CNY", scale: 8, title: "金融机构人民币信贷收支表" },
  fi_all_currency_credit: { unit: "CNY", scale: 8, title: "金融机构本外币信贷收支表" },
};

function twkStem(file: string): string {
  return basename(file)
    .replace(/\.csv$/i, "")
    .replace(/_\d{4}_\d{4}$/, "");
}

/** The PBoC monthly tables of the TWK2022 extract other than the two balance sheets, as series. */
function readPbocMonthlySeries(text: string, ctx: ImportContext): Series[] {
  const stem = twkStem(ctx.file);
  const known = Object.hasOwn(TWK_UNITS, stem) ? TWK_UNITS[stem] : undefined;
  const unit =
    known ?? (ctx.unit ? { unit: ctx.unit.currency, scale: ctx.unit.scale, title: stem } : undefined);
  if (!unit)
    throw new DataError(
      `${ctx.file}: the file states no unit, and ${JSON.stringify(stem)} is not a PBoC table bslab knows (give one with --unit, e.g. --unit "亿元")`,
      { place: { file: ctx.file } },
    );
  const rows = parseCsv(text, { fileName: ctx.file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const out = header.slice(1).map((h): Series => ({
    id: `PBOC/${stem}/${h}`,
    entity: "CN",
    name: `${unit.title}: ${h}`,
    frequency: "M",
    unit: unit.unit,
    scale: unit.scale,
    dataset: ctx.dataset,
    file: ctx.file,
    vintage: ctx.today,
    observations: [],
  }));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0]!.trim() === "") continue;
    const m = /^(\d{4})\/(\d{1,2})$/.exec((row[0] ?? "").trim());
    if (!m)
      throw new DataError(
        ioMessages.badPeriod({ file: ctx.file, row: r + 1, column: "month" }, row[0] ?? "", "YYYY/M"),
        {
          place: { file: ctx.file, row: r + 1, column: "month" },
        },
      );
    if (row.length < header.length)
      throw new DataError(
        ioMessages.truncatedRow({ file: ctx.file, row: r + 1 }, row.length, header.length),
        {
          place: { file: ctx.file, row: r + 1 },
        },
      );
    const date = `${m[1]}-${m[2]!.padStart(2, "0")}`;
    out.forEach((s, i) => {
      const place = { file: ctx.file, row: r + 1, column: header[i + 1]! };
      const v = parseNumberCell(row[i + 1]);
      if (v === undefined) throw new DataError(ioMessages.notANumber(place, row[i + 1] ?? ""), { place });
      if (v !== null) s.observations.push({ date, value: v });
    });
  }
  return out;
}

export const pbocMonthly: Mapping = {
  name: "pboc-monthly",
  description:
    "other PBoC monthly tables of the TWK2022 extract (month,<items>: survey, credit, exchange rate, CGPI) as series; units from the table (or --unit)",
  detect: (h) => h[0] === "month" && h.length > 1,
  read: (text, ctx) => series(readPbocMonthlySeries(text, ctx)),
};
