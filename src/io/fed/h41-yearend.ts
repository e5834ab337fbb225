import { DataError } from "../../errors.ts";
import type { BalanceSheet, QualityNote } from "../../model/balance-sheet.ts";
import type { LineKind, Position, Side } from "../../model/position.ts";
import { STORED_NOTES } from "../../model/notes.ts";
import type { Series } from "../../model/series.ts";
import { checkSheet } from "../../model/validate.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { ddpCodeOf, ddpPosition, readDdpRow } from "./h41-ddp-rows.ts";
import type { FedLine } from "./h41-ddp.ts";
import { LINES, type YearendLine } from "./h41-yearend-lines.ts";

/** Header of `yearend-items/fed_h41_yearend_long.csv`. */
export const FED_YEAREND_COLUMNS = ["date", "side", "item", "value_usd_mn", "source", "note"] as const;

const TABLE1_SUFFIX = " (H.4.1 Table 1, Wednesday level)";

/** Which of the file's sources a row comes from: what is read here, and what is read elsewhere. */
type Origin = "table1" | "supplement" | "ddp-2016-2017" | "ddp-factors-2021-2022" | "xml-2010" | "fred";

function originOf(source: string, item: string): Origin {
  if (/H41\.TXT/i.test(source)) return "table1";
  if (source.includes("/pubs/supplement/")) return "supplement";
  if (source.startsWith("mike4802/")) return "ddp-2016-2017";
  if (source.startsWith("FilippoCaramatti/")) return "ddp-factors-2021-2022";
  if (source.startsWith("vaijira/")) return "xml-2010";
  if (/\bFRED [A-Z]+(, Wednesday level)?\)$/.test(item)) return "fred";
  throw new DataError(`unknown source ${JSON.stringify(source)}`);
}

/** Rows of the file not turned into sheet lines here, and why (reported, never silently dropped). */
export interface SkippedRows {
  origin: Origin;
  rows: number;
  reason: string;
}

const SKIP_REASON: Partial<Record<Origin, string>> = {
  "ddp-2016-2017":
    "the same Board download (mike4802/thefed FRB_H41.csv) is bundled whole as FRB_H41_2016-02_2017-12.csv and read from there",
};

/** Rows read by their DDP series code (h41-ddp-rows.ts) rather than by label. */
type DdpOrigin = "xml-2010" | "ddp-factors-2021-2022";
const isDdpOrigin = (o: Origin): o is DdpOrigin => o === "xml-2010" || o === "ddp-factors-2021-2022";

/** DDP-coded rows kept as memo lines, by series code, with why they are not balance-sheet lines. */
export interface MemoRows {
  origin: DdpOrigin;
  code: string;
  item: string;
  reason: string;
  rows: number;
}

export interface FedYearendRead {
  sheets: BalanceSheet[];
  /** FRED WDTGAL at the year-end Wednesdays (the only copy of it bundled). */
  series: Series[];
  skipped: SkippedRows[];
  memos: MemoRows[];
}

/**
 * Reads `fed_h41_yearend_long.csv` (`date,side,item,value_usd_mn,source,note`): the itemised H.4.1
 * lines printed at year- and month-ends. Lines from H.4.1 Table 1 and the Statistical Supplement's
 * condition statement become positions of `fed` (source: file, row, the page URL). On a date where
 * the Supplement prints the asset side, Table 1's duplicate asset lines are memo lines. A date with
 * no printed total assets gets a `coverage` note starting "partial:", so a consumer completes it
 * from the FRED totals of the same Wednesday; printed subtotals that differ from their lines
 * (rounding, one misprint) are kept as printed and noted. WCURCIR rows duplicate the bundled
 * WCURCIR.csv and are left to it; rows of other sources are listed in `skipped` with the reason.
 *
 * @example readFedYearend(text, "data/fred-h41-fed-balance-sheet/yearend-items/fed_h41_yearend_long.csv", "fred-h41-fed-balance-sheet").sheets.find((s) => s.date === "2013-12-25")
 */
export function readFedYearend(text: string, file: string, dataset: string): FedYearendRead {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = FED_YEAREND_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new DataError(`${file}: row 1: missing column(s) ${missing.join(", ")}`, {
      place: { file, row: 1 },
    });
  const col = (name: string) => header.indexOf(name);
  const byDate = new Map<
    string,
    { positions: Position[]; notes: QualityNote[]; supplement: boolean; ddp?: DdpOrigin; misfiled?: string[] }
  >();
  const memoRows = new Map<string, MemoRows>();
  const tga: Series = {
    id: "FRED/WDTGAL",
    entity: "fed",
    name: "U.S. Treasury, General Account (Wednesday level; year-end Wednesdays only)",
    frequency: "W",
    unit: "USD",
    scale: 6,
    dataset,
    file,
    vintage: "",
    observations: [],
  };
  const skipped = new Map<Origin, number>();
  const parsed = rows.slice(1).map((r, i) => ({ r, row: i + 2 }));
  // The Supplement dates first: Table 1 asset lines there are duplicates.
  const splitLoans = new Set<string>();
  for (const { r } of parsed) {
    const source = r[col("source")] ?? "";
    if (source.includes("/pubs/supplement/")) {
      const d = (r[col("date")] ?? "").trim();
      byDate.set(d, { positions: [], notes: [], supplement: true });
      if ((r[col("item")] ?? "").trim() === "Term auction credit") splitLoans.add(d);
    }
  }
  const lineOf = (
    line: YearendLine,
    kind: LineKind,
    item: string,
    label: string,
    value: number,
    row: number,
    cell: (name: string) => string,
  ): Position => {
    const currency = line.currency === undefined ? "USD" : line.currency;
    return {
      item,
      label: { en: label },
      side: line.side,
      kind,
      ...(line.parent ? { parent: line.parent } : {}),
      ...(line.instrument ? { instrument: line.instrument } : {}),
      currency: currency === "foreign" ? null : currency,
      foreign: currency === null ? null : currency !== "USD",
      maturity: line.maturity ?? "unknown",
      maturityBasis: "original",
      counterparty: [...(line.counterparty ?? [])],
      interestBearing: line.interestBearing ?? null,
      ...(line.inflationIndexed ? { inflationIndexed: true } : {}),
      value,
      source: { dataset, file, row, column: "value_usd_mn", url: cell("source") },
    };
  };
  for (const { r, row } of parsed) {
    if (r.length === 1 && r[0]!.trim() === "") continue;
    const cell = (name: string) => (r[col(name)] ?? "").trim();
    const place = (column: string) => ({ file, row, column });
    const date = cell("date");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new DataError(`${file}: row ${row}, column date: invalid date ${JSON.stringify(date)}`, {
        place: place("date"),
      });
    const value = parseNumberCell(cell("value_usd_mn"));
    if (value === undefined || value === null)
      throw new DataError(
        `${file}: row ${row}, column value_usd_mn: not a number: ${JSON.stringify(cell("value_usd_mn"))}`,
        { place: place("value_usd_mn") },
      );
    const label = cell("item");
    let origin: Origin;
    try {
      origin = originOf(cell("source"), label);
    } catch {
      throw new DataError(
        `${file}: row ${row}, column source: unknown source ${JSON.stringify(cell("source"))}`,
        { place: place("source") },
      );
    }
    if (origin === "fred") {
      if (label.includes("WDTGAL")) tga.observations.push({ date, value });
      else skipped.set(origin, (skipped.get(origin) ?? 0) + 1);
      continue;
    }
    if (isDdpOrigin(origin)) {
      const sheet = byDate.get(date) ?? { positions: [], notes: [], supplement: false };
      sheet.ddp = origin;
      byDate.set(date, sheet);
      const code = ddpCodeOf(cell("note"));
      const read = code ? readDdpRow(code, label, date) : { unknown: true as const };
      if ("unknown" in read)
        throw new DataError(
          `${file}: row ${row}, column note: unknown DDP series ${JSON.stringify(code ?? cell("note"))}; add it to src/io/fed/h41-ddp-rows.ts`,
          { place: place("note") },
        );
      const fileSide = cell("side");
      if ("memo" in read) {
        const side: Side = /^(Discontinued: )?Assets/.test(label) ? "asset" : "liability";
        const memoLine: FedLine = {
          code: code!,
          item: read.memo.item,
          en: label,
          side,
          kind: "memo",
          counterparty: [],
          currency: "USD",
          interestBearing: null,
          maturity: "unknown",
        };
        sheet.positions.push(
          ddpPosition(memoLine, label, value, {
            dataset,
            file,
            row,
            column: "value_usd_mn",
            url: cell("source"),
          }),
        );
        const key = `${origin}|${code}|${read.memo.reason}`;
        const m = memoRows.get(key) ?? { origin, code: code!, ...read.memo, rows: 0 };
        m.rows++;
        memoRows.set(key, m);
        continue;
      }
      sheet.positions.push(
        ddpPosition(read.line, label, value, {
          dataset,
          file,
          row,
          column: "value_usd_mn",
          url: cell("source"),
        }),
      );
      const printed = fileSide === "capital" ? "equity" : fileSide;
      if (printed !== read.line.side) (sheet.misfiled ??= []).push(`${code} (${fileSide})`);
      continue;
    }
    if (origin !== "table1" && origin !== "supplement") {
      skipped.set(origin, (skipped.get(origin) ?? 0) + 1);
      continue;
    }
    const key = label.endsWith(TABLE1_SUFFIX) ? label.slice(0, -TABLE1_SUFFIX.length) : label;
    const line = LINES.get(key);
    if (!line)
      throw new DataError(
        `${file}: row ${row}, column item: unknown H.4.1 line ${JSON.stringify(label)}; add it to src/io/fed/h41-yearend.ts`,
        { place: place("item") },
      );
    const sheet = byDate.get(date) ?? { positions: [], notes: [], supplement: false };
    byDate.set(date, sheet);
    if (origin === "supplement" && key === "Loans" && splitLoans.has(date)) {
      // Issues from 2008 split row 4 into term auction credit and other loans; the earlier issue's
      // "Loans" for the same Wednesday is the same row again.
      sheet.positions.push(lineOf(LINES.get("Loans")!, "memo", "loans_unsplit", label, value, row, cell));
      continue;
    }
    // Table 1 asset lines repeat the Supplement's on the dates both are bundled: memo there.
    const duplicate = origin === "table1" && sheet.supplement && line.side === "asset";
    let kind: LineKind = duplicate ? "memo" : line.kind;
    let item = duplicate ? `${line.item}_table1` : line.item;
    if (sheet.positions.some((p) => p.item === item)) {
      // The Supplement prints a row again in the next issue (2007-11-28 "Loans" = "Other loans").
      kind = "memo";
      item = `${item}_repeated_row_${row}`;
    }
    sheet.positions.push(lineOf(line, kind, item, label, value, row, cell));
    const note = cell("note");
    if (/misprint|NB /.test(note)) sheet.notes.push({ item, message: `as printed: ${note}` });
  }
  const sheets: BalanceSheet[] = [];
  for (const [date, s] of [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sheet: BalanceSheet = {
      entity: "fed",
      date,
      unit: { currency: "USD", scale: 6 },
      positions: s.positions,
      notes: s.notes,
    };
    const hasTotal = s.positions.some((p) => p.kind === "total" && p.side === "asset");
    if (s.ddp)
      sheet.notes.unshift({
        item: "coverage",
        message: (hasTotal ? STORED_NOTES.fedDdpStatement : STORED_NOTES.fedDdpFactors).en,
      });
    else if (!hasTotal)
      sheet.notes.unshift({
        item: "coverage",
        message: STORED_NOTES.fedTable1Only.en,
      });
    else
      sheet.notes.unshift({
        item: "coverage",
        message: STORED_NOTES.fedSupplement.en,
      });
    if (s.misfiled)
      sheet.notes.push({
        item: "side",
        message: `the file's side column differs from the DDP series on ${s.misfiled.length} line(s), read by their code: ${s.misfiled.join(", ")}`,
      });
    for (const c of checkSheet(sheet, { absolute: 0 }))
      if (c.check !== "identity" && !c.ok)
        sheet.notes.push({
          item: c.item,
          message: `printed ${c.published} vs its lines ${c.computed}: kept as printed`,
          difference: c.difference,
        });
    sheets.push(sheet);
  }
  return {
    sheets,
    series: tga.observations.length ? [tga] : [],
    memos: [...memoRows.values()],
    skipped: [...skipped.entries()].map(([origin, n]) => ({
      origin,
      rows: n,
      reason:
        SKIP_REASON[origin] ??
        "FRED WCURCIR (week average) rows: the whole series is bundled as WCURCIR.csv and read from there",
    })),
  };
}
