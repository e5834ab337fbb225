/** Layouts of official statistics downloads: the Fed's Data Download Program, FRED, BIS. */
import { basename } from "node:path";

import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { readFedH41Csv } from "../fed/h41-ddp.ts";
import { ioMessages } from "../messages.ts";
import { readSdmxCsv, sdmxToSeries } from "../sdmx/read-sdmx-csv.ts";
import { parseBisWideCsv } from "../sources/bis-wide-csv.ts";
import { bisStoreId } from "../sources/recession-series.ts";
import { isFredHeader, parseFredCsv } from "../sources/fred-csv.ts";
import { series } from "./helpers.ts";
import type { ImportContext, Mapping } from "./types.ts";

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

export const fedDdp: Mapping = {
  name: "fed-ddp",
  description:
    "Federal Reserve Board Data Download Program CSV (e.g. H.4.1): Series Description/Unit/Multiplier/Currency/Unique Identifier rows, then Time Period; scale from Multiplier",
  detect: (h) => (h[0] ?? "").toLowerCase() === "series description",
  read(text, ctx) {
    const list = readFedDdpSeries(text, ctx);
    // An H.4.1 condition-statement download (it has total assets, RESPPMA) is also the Fed's
    // balance sheet: every Wednesday becomes a sheet of `fed`. Table 1 factor downloads are series.
    const statement = list.some((s) => /(^|\/)RESPPMA_N\.WW$/.test(s.id));
    if (!list.every((s) => s.id.startsWith("FRB/H41/")) || !statement) return series(list);
    const fedSheets = readFedH41Csv(text, ctx.file);
    for (const sh of fedSheets) for (const p of sh.positions) p.source.dataset = ctx.dataset;
    return { sheets: fedSheets, series: list, entities: new Map([["fed", "USD"]]) };
  },
};

export const fred: Mapping = {
  name: "fred",
  description:
    'FRED series CSV: DATE,X | observation_date,X[,Y...] (fredgraph.csv, one column per series) | "Date","X" | Date,Value (\'.\' = missing)',
  detect: (h) => isFredHeader(h),
  read: (text, ctx) => series(parseFredCsv(text, ctx.file)),
};

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

export const bisCsvCol: Mapping = {
  name: "bis-csv-col",
  description:
    "BIS statistics csv_col (wide): code/label dimension pairs, TITLE_TS, Series, then one column per period",
  detect: (h) =>
    h.includes("FREQ") && h.includes("Series") && h.some((x) => /^\d{4}(-Q[1-4]|-\d{2})?$/.test(x)),
  // Stored under the dotted DBnomics/SDMX id, as the bundled BIS data and SDMX imports are, so one
  // series has one id whichever file it came from.
  read: (text, ctx) => series(parseBisWideCsv(text, ctx.file).map((s) => ({ ...s, id: bisStoreId(s.id) }))),
};

export const bisCsvFlat: Mapping = {
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
};
