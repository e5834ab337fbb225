import { existsSync } from "node:fs";
import { basename } from "node:path";

import { DataError } from "../errors.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import type { Entity } from "../model/entity.ts";
import type { Frequency, Series } from "../model/series.ts";
import { unitLabel, type Unit } from "../model/units.ts";
import { isLongPositionsHeader, readLongPositions } from "./csv/long-positions.ts";
import { parseCsv, parseNumberCell } from "./csv/parse-csv.ts";
import { readAnalysisJson } from "./export/json.ts";
import { isBslabSheetFlow, sdmxToSheets } from "./export/sdmx.ts";
import { readFedH41Csv } from "./fed/h41-ddp.ts";
import { isTidyHeader, readTidySeries, readTidySheets } from "./export/tidy-csv.ts";
import { ioMessages } from "./messages.ts";
import { buildPbocSheets, readPbocLongCsv, readPbocWideCsv } from "./pboc/monetary-authority.ts";
import { readOdcWideCsv } from "./pboc/odc-item-map.ts";
import { pbocTableOf, readPbocWorkbook } from "./pboc/xls-workbook.ts";
import { readSdmxCsv, sdmxToSeries } from "./sdmx/read-sdmx-csv.ts";
import { parseBisWideCsv } from "./sources/bis-wide-csv.ts";
import { readEwn } from "./sources/ewn.ts";
import { parseFredCsv } from "./sources/fred-csv.ts";
import { parseJst } from "./sources/jst.ts";
import { parseLaevenValencia } from "./sources/laeven-valencia.ts";
import { parseNikkei } from "./sources/nikkei.ts";
import { parseReinhartRogoff } from "./sources/reinhart-rogoff.ts";
import { parseSectoralBalances } from "./sources/sectoral-balances.ts";
import { parseShiller } from "./sources/shiller.ts";
import type { Workbook } from "./xlsx/read-workbook.ts";
import { gridToCsv } from "./xlsx/read-workbook.ts";

/** What an importer read from a file, before anything is written. */
export interface ParsedImport {
  sheets: BalanceSheet[];
  series: Series[];
  /** Home currencies of entities the file introduces. */
  entities: Map<string, string>;
  /** Names and sectors of entities the file introduces, where the layout knows them. */
  entityInfo?: Entity[];
  /** Where the unit or scale came from, for the import summary. */
  unitSource?: string;
}

export interface ImportContext {
  file: string;
  /** The dataset id the import is recorded under (`import:<file name>`). */
  dataset: string;
  homeCurrencies: ReadonlyMap<string, string>;
  /** Today's date (ISO), the default vintage. */
  today: string;
  /** A unit the caller states for a file that does not state one (`--unit "亿元"`). */
  unit?: Unit;
}

/**
 * A named file layout bslab can import. Text layouts (`input: "text"`, the default) are recognised
 * by their header row (`detect`) and read from UTF-8 text; workbook layouts (`input: "workbook"`) are
 * recognised and read from the .xls/.xlsx workbook.
 */
export interface Mapping {
  name: string;
  description: string;
  input?: "text" | "workbook";
  detect(header: readonly string[], text: string): boolean;
  read(text: string, ctx: ImportContext): ParsedImport;
  detectWorkbook?(wb: Workbook): boolean;
  readWorkbook?(wb: Workbook, ctx: ImportContext): ParsedImport;
}

const series = (list: Series[]): ParsedImport => ({ sheets: [], series: list, entities: new Map() });
const sheets = (list: BalanceSheet[], entities: [string, string][], info?: Entity[]): ParsedImport => ({
  sheets: list,
  series: [],
  entities: new Map(entities),
  ...(info ? { entityInfo: info } : {}),
});
const has = (h: readonly string[], ...names: string[]) => names.every((n) => h.includes(n));

const ODC_ENTITY: Entity = {
  id: "pboc-odc",
  name: { en: "Other depository corporations (China)", zh: "其他存款性公司" },
  sector: "S.122",
  country: "CN",
  homeCurrency: "CNY",
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
  const known = TWK_UNITS[stem];
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

/**
 * The Federal Reserve Board's Data Download Program CSV (H.4.1 and other releases): five metadata
 * rows ("Series Description", "Unit:", "Multiplier:", "Currency:", "Unique Identifier:"), then
 * "Time Period" and the data. One series per column; the scale is read from "Multiplier:"
 * (1000000 → 6) and the unit from "Currency:" / "Unit:".
 */
export function readFedDdpSeries(text: string, ctx: ImportContext): Series[] {
  const rows = parseCsv(text, { fileName: ctx.file });
  const labelRow = (label: string) =>
    rows.findIndex((r) => (r[0] ?? "").trim().toLowerCase().startsWith(label));
  const iDesc = labelRow("series description");
  const iMult = labelRow("multiplier");
  const iCur = labelRow("currency");
  const iUnit = labelRow("unit:");
  const iId = labelRow("unique identifier");
  const iTime = labelRow("time period");
  const missing = [
    ["Multiplier:", iMult],
    ["Time Period", iTime],
    ["Unique Identifier:", iId],
  ].filter(([, i]) => (i as number) < 0);
  if (missing.length > 0)
    throw new DataError(
      ioMessages.missingColumns(
        ctx.file,
        missing.map(([n]) => n as string),
        rows.slice(0, 6).map((r) => r[0] ?? ""),
      ),
      {
        place: { file: ctx.file, row: 1 },
      },
    );
  const width = rows[iTime]!.length;
  const out: Series[] = [];
  for (let c = 1; c < width; c++) {
    const multText = (rows[iMult]![c] ?? "").trim();
    const mult = Number(multText);
    const scale = Math.log10(mult);
    if (!Number.isInteger(scale))
      throw new DataError(
        ioMessages.badValue(
          { file: ctx.file, row: iMult + 1, column: c + 1 },
          "multiplier",
          multText,
          "a power of ten such as 1000000",
        ),
        { place: { file: ctx.file, row: iMult + 1, column: c + 1 } },
      );
    const currency = iCur >= 0 ? (rows[iCur]![c] ?? "").trim() : "";
    const unitWord = iUnit >= 0 ? (rows[iUnit]![c] ?? "").trim() : "";
    const id = (rows[iId]![c] ?? "").trim();
    const s: Series = {
      id: id.includes("/") ? `FRB/${id}` : `FRB/DDP/${id}`,
      entity: "fed",
      name: iDesc >= 0 ? (rows[iDesc]![c] ?? "").trim() : id,
      frequency: "W",
      unit:
        unitWord.toLowerCase() === "currency" && currency
          ? currency
          : [unitWord, currency].filter(Boolean).join(" "),
      scale,
      dataset: ctx.dataset,
      file: ctx.file,
      vintage: ctx.today,
      observations: [],
    };
    for (let r = iTime + 1; r < rows.length; r++) {
      const row = rows[r]!;
      if (row.length === 1 && row[0]!.trim() === "") continue;
      const date = (row[0] ?? "").trim();
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date))
        throw new DataError(
          ioMessages.badPeriod({ file: ctx.file, row: r + 1, column: "Time Period" }, date, "YYYY-MM-DD"),
          {
            place: { file: ctx.file, row: r + 1, column: "Time Period" },
          },
        );
      if (row.length < width)
        throw new DataError(ioMessages.truncatedRow({ file: ctx.file, row: r + 1 }, row.length, width), {
          place: { file: ctx.file, row: r + 1 },
        });
      const place = { file: ctx.file, row: r + 1, column: rows[iTime]![c] ?? String(c + 1) };
      const v = parseNumberCell(row[c]);
      if (v === undefined) throw new DataError(ioMessages.notANumber(place, row[c] ?? ""), { place });
      if (v !== null) s.observations.push({ date, value: v });
    }
    out.push(s);
  }
  return out;
}

// BIS csv_flat: one row per observation; the columns are dimension codes (optionally "CODE:Label"
// or code/label pairs as in csv_col), TIME_PERIOD and OBS_VALUE, then attributes. It is SDMX-CSV
// without the DATAFLOW column, so it is rewritten as SDMX-CSV 1.0 and read by the same code.
function bisFlatToSdmx(text: string, file: string): string {
  const rows = parseCsv(text, { fileName: file });
  const raw = rows[0] ?? [];
  const ids = raw.map((h) => h.trim().replace(/:.*$/, "").trim());
  const isCode = (h: string) => /^[A-Z][A-Z0-9_]*$/.test(h);
  const iTime = ids.indexOf("TIME_PERIOD");
  const iValue = ids.indexOf("OBS_VALUE");
  const skip = new Set(["KEY", "DATAFLOW_ID", "DATAFLOW", "TIME_FORMAT", "TITLE_TS"]);
  const dims = ids.map((h, i) => ({ h, i })).filter(({ h, i }) => i < iTime && isCode(h) && !skip.has(h));
  const attrs = ids
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => i > iTime && i !== iValue && isCode(h) && !skip.has(h));
  const iTitle = ids.indexOf("TITLE_TS");
  const iFlow = ids.indexOf("DATAFLOW_ID");
  const fromName = /^(WS_[A-Z_]+?)(_csv_flat)?\.csv$/i.exec(basename(file))?.[1];
  const field = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const out = [
    [
      "DATAFLOW",
      ...dims.map((d) => d.h),
      "TIME_PERIOD",
      "OBS_VALUE",
      ...attrs.map((a) => a.h),
      ...(iTitle >= 0 ? ["TITLE"] : []),
    ].join(","),
  ];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0]!.trim() === "") {
      out.push("");
      continue;
    }
    const flow = (iFlow >= 0 ? (row[iFlow] ?? "").replace(/:.*$/, "") : "") || fromName || "UNKNOWN";
    const cells = [
      `BIS:${flow}(1.0)`,
      ...dims.map((d) => row[d.i] ?? ""),
      row[iTime] ?? "",
      row[iValue] ?? "",
      ...attrs.map((a) => row[a.i] ?? ""),
      ...(iTitle >= 0 ? [row[iTitle] ?? ""] : []),
    ];
    // A short row stays short, so the SDMX reader reports it as truncated at its own row number.
    out.push(
      cells
        .slice(0, row.length < raw.length ? 1 + dims.length : cells.length)
        .map(field)
        .join(","),
    );
  }
  return out.join("\n") + "\n";
}

/** Every layout `bslab import` knows, tried in order; the first whose `detect` accepts the header wins. */
export const MAPPINGS: Mapping[] = [
  {
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
        ...sheets(r.sheets, [[entity, "CNY"]], entity === "pboc-odc" ? [ODC_ENTITY] : undefined),
        unitSource: r.unitSource,
      };
    },
  },
  {
    name: "laeven-valencia",
    description:
      "Laeven-Valencia systemic banking crises workbook (sheet 'Crisis Resolution and Outcomes'): per country, crisis start/end years and outcomes as annual series",
    input: "workbook",
    detect: () => false,
    read: () => {
      throw new DataError("laeven-valencia reads workbooks");
    },
    detectWorkbook: (wb) => wb.sheetNames.includes("Crisis Resolution and Outcomes"),
    readWorkbook(wb, ctx) {
      const crises = parseLaevenValencia(bytesOf(wb), ctx.file);
      const out = new Map<string, Series>();
      const add = (country: string, key: string, unit: string, date: number, value: number | null) => {
        if (value === null) return;
        const id = `LV/SBC/${country}.${key}`;
        const s = out.get(id) ?? {
          id,
          entity: country,
          name: `${country}: ${key.replace(/_/g, " ")}`,
          frequency: "A" as Frequency,
          unit,
          scale: 0,
          dataset: ctx.dataset,
          file: ctx.file,
          vintage: ctx.today,
          observations: [],
        };
        if (!s.observations.some((o) => o.date === String(date)))
          s.observations.push({ date: String(date), value });
        out.set(id, s);
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
  },
  {
    name: "reinhart-rogoff",
    description:
      "Reinhart-Rogoff Global Crises Data by Country workbook: banking crisis, systemic crisis (0/1) and inflation (%) per country-year",
    input: "workbook",
    detect: () => false,
    read: () => {
      throw new DataError("reinhart-rogoff reads workbooks");
    },
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
          const id = `RR/global-crises/${y.cc3}.${key}`;
          const s = out.get(id) ?? {
            id,
            entity: y.cc3,
            name: `${y.country}: ${key.replace(/_/g, " ")}`,
            frequency: "A" as Frequency,
            unit,
            scale: 0,
            dataset: ctx.dataset,
            file: ctx.file,
            vintage: ctx.today,
            observations: [],
          };
          if (!s.observations.some((o) => o.date === String(y.year)))
            s.observations.push({ date: String(y.year), value: v });
          out.set(id, s);
        }
      return series([...out.values()]);
    },
  },
  {
    name: "ewn",
    description:
      "External Wealth of Nations workbook (sheet 'Dataset'): FDI, debt, reserves and GDP per economy, USD millions (series EWN/2022-12/<IFS>.<variable>)",
    input: "workbook",
    detect: () => false,
    read: () => {
      throw new DataError("ewn reads workbooks");
    },
    detectWorkbook: (wb) => wb.sheetNames.includes("Dataset") && wb.sheetNames.includes("Variables"),
    readWorkbook(_wb, ctx) {
      if (!existsSync(ctx.file)) throw new DataError(`${ctx.file}: the EWN reader needs the file on disk`);
      return series(readEwn(ctx.file, ctx.file));
    },
  },
  {
    name: "xlsx",
    description:
      "any other workbook: the first sheet, read as one of the CSV layouts below (e.g. the tidy long layout of `bslab export`)",
    input: "workbook",
    detect: () => false,
    read: () => {
      throw new DataError("xlsx reads workbooks");
    },
    detectWorkbook: () => true,
    readWorkbook(wb, ctx) {
      const text = gridToCsv(wb.sheet(wb.sheetNames[0]));
      const header = headerOf(text, ctx.file);
      const m = MAPPINGS.find((x) => (x.input ?? "text") === "text" && x.detect(header, text));
      if (!m)
        throw new DataError(
          ioMessages.unknownLayout(
            `${ctx.file} [${wb.sheetNames[0]}]`,
            header,
            MAPPINGS.map((x) => x.name),
          ),
          { place: { file: ctx.file, row: 1 } },
        );
      return m.read(text, ctx);
    },
  },
  {
    name: "long",
    description:
      "plain long CSV of positions: entity,date,item,side,currency,maturity,value,unit (+ optional label,instrument,counterparty,interest_bearing,kind,parent); each sheet must balance",
    detect: (h) => isLongPositionsHeader(h) && !isTidyHeader(h),
    read(text, ctx) {
      const { sheets: list, homeCurrency } = readLongPositions(text, ctx.file, ctx.homeCurrencies);
      return { sheets: list, series: [], entities: homeCurrency };
    },
  },
  {
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
  },
  {
    name: "long-series",
    description:
      "long series CSV: entity,date,series,value,unit,scale (+ optional source,name,frequency); scale is a power of ten or a word (millions, 亿)",
    detect: (h) => isTidyHeader(h),
    read: (text, ctx) => series(readTidySeries(text, ctx.file, { dataset: ctx.dataset, vintage: ctx.today })),
  },
  {
    name: "pboc-long",
    description:
      "PBoC monetary-authority table, one row per published cell: period,source_file,row,item_label,value",
    detect: (h) => has(h, "period", "source_file", "row", "item_label", "value"),
    read: (text, ctx) => sheets(buildPbocSheets(readPbocLongCsv(text, ctx.file)), [["pboc", "CNY"]]),
  },
  {
    name: "pboc",
    description:
      "PBoC monetary-authority table as a wide CSV (TWK2022 extract): month,外汇,货币黄金,...,总负债 (months as YYYY/M; 亿元)",
    detect: (h) => h[0] === "month" && has(h, "外汇", "总负债"),
    read: (text, ctx) => sheets(buildPbocSheets(readPbocWideCsv(text, ctx.file)), [["pboc", "CNY"]]),
  },
  {
    name: "pboc-odc",
    description:
      "PBoC other-depository-corporations table as a wide CSV (TWK2022 extract): month,国外资产,储备资产,...,总负债 (entity pboc-odc; 亿元)",
    detect: (h) => h[0] === "month" && has(h, "储备资产", "总负债"),
    read: (text, ctx) =>
      sheets(readOdcWideCsv(text, ctx.file, "pboc-odc", ctx.dataset), [["pboc-odc", "CNY"]], [ODC_ENTITY]),
  },
  {
    name: "shiller",
    description: "Shiller ie_data monthly extract: month,sp_comp_price,...,cape",
    detect: (h) => h[0] === "month" && h.includes("cape"),
    read: (text, ctx) => series(parseShiller(text, ctx.file)),
  },
  {
    name: "pboc-monthly",
    description:
      "other PBoC monthly tables of the TWK2022 extract (month,<items>: survey, credit, exchange rate, CGPI) as series; units from the table (or --unit)",
    detect: (h) => h[0] === "month" && h.length > 1,
    read: (text, ctx) => series(readPbocMonthlySeries(text, ctx)),
  },
  {
    name: "fed-ddp",
    description:
      "Federal Reserve Board Data Download Program CSV (e.g. H.4.1): Series Description/Unit/Multiplier/Currency/Unique Identifier rows, then Time Period; scale from Multiplier",
    detect: (h) => (h[0] ?? "").toLowerCase() === "series description",
    read(text, ctx) {
      const list = readFedDdpSeries(text, ctx);
      // An H.4.1 download is also the Fed's balance sheet: every Wednesday becomes a sheet of `fed`.
      if (!list.every((s) => s.id.startsWith("FRB/H41/"))) return series(list);
      const fedSheets = readFedH41Csv(text, ctx.file);
      for (const sh of fedSheets) for (const p of sh.positions) p.source.dataset = ctx.dataset;
      return { sheets: fedSheets, series: list, entities: new Map([["fed", "USD"]]) };
    },
  },
  {
    name: "fred",
    description: 'FRED series CSV: DATE,X | observation_date,X | "Date","X" | Date,Value (\'.\' = missing)',
    detect: (h) => h.length === 2 && ["date", "observation_date"].includes((h[0] ?? "").toLowerCase()),
    read: (text, ctx) => series(parseFredCsv(text, ctx.file)),
  },
  {
    name: "sdmx-csv",
    description:
      "SDMX-CSV 1.0 (DATAFLOW,...) or 2.0 (STRUCTURE,STRUCTURE_ID,...): series keyed AGENCY/FLOW/KEY; UNIT_MULT is the scale",
    detect: (h) => /^(DATAFLOW|STRUCTURE)(:.*)?$/.test(h[0] ?? ""),
    read(text, ctx) {
      const data = readSdmxCsv(text, ctx.file);
      if (isBslabSheetFlow(data)) {
        const list = sdmxToSheets(data, ctx.file);
        return sheets(
          list,
          [...new Set(list.map((s) => s.entity))].map((e) => [
            e,
            ctx.homeCurrencies.get(e) ?? list.find((s) => s.entity === e)!.unit.currency,
          ]),
        );
      }
      return series(sdmxToSeries(data, ctx.file, { dataset: ctx.dataset, vintage: ctx.today }));
    },
  },
  {
    name: "bis-csv-col",
    description:
      "BIS statistics csv_col (wide): code/label dimension pairs, TITLE_TS, Series, then one column per period",
    detect: (h) =>
      h.includes("FREQ") && h.includes("Series") && h.some((x) => /^\d{4}(-Q[1-4]|-\d{2})?$/.test(x)),
    read: (text, ctx) => series(parseBisWideCsv(text, ctx.file)),
  },
  {
    name: "bis-csv-flat",
    description:
      "BIS statistics csv_flat (one row per observation: dimensions, TIME_PERIOD, OBS_VALUE, attributes)",
    detect: (h) => {
      const ids = h.map((x) => x.replace(/:.*$/, "").trim());
      return ids.includes("TIME_PERIOD") && ids.includes("OBS_VALUE");
    },
    read(text, ctx) {
      const data = readSdmxCsv(bisFlatToSdmx(text, ctx.file), ctx.file);
      return series(sdmxToSeries(data, ctx.file, { dataset: ctx.dataset, vintage: ctx.today }));
    },
  },
  {
    name: "jst",
    description:
      "Jorda-Schularick-Taylor Macrohistory CSV: year,country,iso,<variables> (one series per country and variable)",
    detect: (h) => has(h, "year", "country", "iso") && h.length > 4,
    read: (text, ctx) => series(parseJst(text, ctx.file)),
  },
  {
    name: "sectoral-balances",
    description:
      "sectoral net lending (% of GDP): Geo,Time,Households,Government,Corporate,Foreign,Freq,Source,Countryname,id",
    detect: (h) => has(h, "Geo", "Time", "Households", "Government", "Corporate", "Foreign"),
    read: (text, ctx) => series(parseSectoralBalances(text, ctx.file)),
  },
  {
    name: "nikkei",
    description: "daily index file date,open,close,volume (Nikkei 225 closes)",
    detect: (h) => has(h, "date", "open", "close"),
    read: (text, ctx) => series(parseNikkei(text, ctx.file)),
  },
  {
    name: "bslab-json",
    description: "a bslab analysis export (JSON): its sheets and series",
    detect: (_h, text) => /^\s*\{/.test(text.slice(0, 64)),
    read(text, ctx) {
      const a = readAnalysisJson(text, ctx.file);
      return {
        sheets: a.sheets,
        series: a.series,
        entities: new Map(
          a.sheets.map((s) => [s.entity, ctx.homeCurrencies.get(s.entity) ?? s.unit.currency]),
        ),
      };
    },
  },
];

// The workbook readers of src/io/sources take bytes; the workbook keeps them for that.
const BYTES = new WeakMap<Workbook, Uint8Array>();

/** Remembers the bytes a workbook was read from (for readers that parse bytes themselves). */
export function withBytes(wb: Workbook, bytes: Uint8Array): Workbook {
  BYTES.set(wb, bytes);
  return wb;
}

function bytesOf(wb: Workbook): Uint8Array {
  const b = BYTES.get(wb);
  if (!b) throw new DataError(`${wb.file}: workbook bytes not available`);
  return b;
}

/** The header row of a CSV text (first record), trimmed. */
export function headerOf(text: string, file: string): string[] {
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  try {
    return (parseCsv(firstLine, { fileName: file })[0] ?? []).map((h) => h.trim());
  } catch {
    return [firstLine.trim()];
  }
}

/** A unit as printed in summaries: `CNY hundred millions (1e8)`. */
export function describeUnit(unit: Unit): string {
  return unitLabel(unit);
}
