import { DataError } from "../../errors.ts";
import type { BalanceSheet, QualityNote } from "../../model/balance-sheet.ts";
import type { InstrumentCode } from "../../model/instruments.ts";
import type { LineKind, Maturity, Position, Side } from "../../model/position.ts";
import type { SectorCode } from "../../model/sectors.ts";
import { STORED_NOTES } from "../../model/notes.ts";
import type { Series } from "../../model/series.ts";
import { checkSheet } from "../../model/validate.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { ddpCodeOf, readDdpRow } from "./h41-ddp-rows.ts";
import type { FedLine } from "./h41-ddp.ts";

/** Header of `yearend-items/fed_h41_yearend_long.csv`. */
export const FED_YEAREND_COLUMNS = ["date", "side", "item", "value_usd_mn", "source", "note"] as const;

/**
 * A printed line of the H.4.1 year-end file, read onto the model. Labels are matched after the
 * file's " (H.4.1 Table 1, Wednesday level)" suffix is dropped: Table 1 (factors) and the
 * Statistical Supplement's condition statement print the same lines under the same words.
 */
interface YearendLine {
  item: string;
  side: Side;
  kind: LineKind;
  parent?: string;
  instrument?: InstrumentCode;
  counterparty?: SectorCode[];
  currency?: "USD" | "XAU" | "foreign" | null;
  interestBearing?: boolean | null;
  maturity?: Maturity;
  inflationIndexed?: true;
}

const TSY: SectorCode[] = ["S.1311"];
const GSE: SectorCode[] = ["S.125"];
const DI: SectorCode[] = ["S.122"];
const bond = (item: string, indexed = false): YearendLine => ({
  item,
  side: "asset",
  kind: "item",
  parent: "treasury_securities",
  instrument: "AF.32",
  counterparty: TSY,
  interestBearing: true,
  maturity: "long",
  ...(indexed ? { inflationIndexed: true as const } : {}),
});
const memo = (item: string, side: Side, parent?: string): YearendLine => ({
  item,
  side,
  kind: "memo",
  ...(parent ? { parent } : {}),
});
const loan = (item: string): YearendLine => ({
  item,
  side: "asset",
  kind: "item",
  instrument: "AF.4",
  counterparty: DI,
  interestBearing: true,
  maturity: "short",
});
const deposit = (item: string, counterparty: SectorCode[], parent: string, ib: boolean | null = null) => ({
  item,
  side: "liability" as const,
  kind: "item" as const,
  parent,
  instrument: "AF.22" as const,
  counterparty,
  interestBearing: ib,
  maturity: "short" as const,
});

// Keys reuse the Data Download Program's line keys (h41-ddp.ts) where the line is the same.
const LINES = new Map<string, YearendLine>([
  [
    "Gold certificate account",
    {
      item: "gold_certificates",
      side: "asset",
      kind: "item",
      instrument: "AF.11",
      currency: "XAU",
      interestBearing: false,
    },
  ],
  [
    "Special drawing rights certificate account",
    {
      item: "sdr_certificates",
      side: "asset",
      kind: "item",
      instrument: "AF.12",
      counterparty: TSY,
      interestBearing: false,
    },
  ],
  [
    "Coin",
    {
      item: "coin",
      side: "asset",
      kind: "item",
      instrument: "AF.21",
      counterparty: TSY,
      interestBearing: false,
      maturity: "short",
    },
  ],
  ["Securities, repurchase agreements, and loans", memo("securities_repos_loans", "asset")],
  [
    "Securities, repurchase agreements, term auction credit, and other loans",
    memo("securities_repos_tac_loans", "asset"),
  ],
  ["Reserve Bank Credit", memo("reserve_bank_credit", "asset")],
  ["Reserve Bank credit", memo("reserve_bank_credit", "asset")],
  ["Securities held outright", { item: "securities_held_outright", side: "asset", kind: "subtotal" }],
  [
    "U.S. Treasury",
    { item: "treasury_securities", side: "asset", kind: "subtotal", parent: "securities_held_outright" },
  ],
  [
    "U.S. Treasury securities",
    { item: "treasury_securities", side: "asset", kind: "subtotal", parent: "securities_held_outright" },
  ],
  [
    "Bills",
    {
      item: "treasury_bills",
      side: "asset",
      kind: "item",
      parent: "treasury_securities",
      instrument: "AF.31",
      counterparty: TSY,
      interestBearing: true,
      maturity: "short",
    },
  ],
  ["Notes and bonds, nominal", bond("treasury_notes_bonds_nominal")],
  // TIPS at face value and their inflation compensation: long-term, but not the study's nominal
  // notes and bonds (its 52.2% at 2013-12-25 is the nominal line alone).
  ["Notes and bonds, inflation-indexed", bond("treasury_notes_bonds_inflation_indexed", true)],
  ["Inflation compensation", bond("treasury_inflation_compensation", true)],
  ...(["Federal agency", "Federal agency debt securities"] as const).map(
    (label) =>
      [
        label,
        {
          item: "federal_agency_debt",
          side: "asset",
          kind: "item",
          parent: "securities_held_outright",
          instrument: "AF.32",
          counterparty: GSE,
          interestBearing: true,
          maturity: "long",
        },
      ] as [string, YearendLine],
  ),
  [
    "Mortgage-backed securities",
    {
      item: "mortgage_backed_securities",
      side: "asset",
      kind: "item",
      parent: "securities_held_outright",
      instrument: "AF.32",
      counterparty: GSE,
      interestBearing: true,
      maturity: "long",
    },
  ],
  [
    "Unamortized premiums on securities held outright",
    { item: "unamortized_premiums", side: "asset", kind: "item", instrument: "AF.3" },
  ],
  [
    "Unamortized discounts on securities held outright",
    { item: "unamortized_discounts", side: "asset", kind: "item", instrument: "AF.3" },
  ],
  [
    "Repurchase agreements",
    {
      item: "repurchase_agreements",
      side: "asset",
      kind: "item",
      instrument: "AF.4",
      counterparty: ["S.12"],
      interestBearing: true,
      maturity: "short",
    },
  ],
  ["Loans", loan("loans")],
  ["Loans to depository institutions", loan("loans")],
  ["Term auction credit", loan("term_auction_credit")],
  ["Other loans", loan("other_loans")],
  // Table 1 prints the credit programmes under Loans, but not all of them (2013: 25 + 0 + 70 of 192).
  ["Primary credit", memo("primary_credit", "asset", "loans")],
  ["Secondary credit", memo("secondary_credit", "asset", "loans")],
  ["Seasonal credit", memo("seasonal_credit", "asset", "loans")],
  ["Adjustment credit", memo("adjustment_credit", "asset", "loans")],
  [
    "Items in process of collection",
    {
      item: "items_in_process_of_collection",
      side: "asset",
      kind: "item",
      instrument: "AF.8",
      interestBearing: false,
      maturity: "short",
    },
  ],
  ["Bank premises", { item: "bank_premises", side: "asset", kind: "item", instrument: "AN", currency: null }],
  ["Other assets", { item: "other_assets_total", side: "asset", kind: "subtotal" }],
  [
    "Denominated in foreign currencies",
    {
      item: "foreign_currency_denominated_assets",
      side: "asset",
      kind: "item",
      parent: "other_assets_total",
      instrument: "AF.2",
      counterparty: ["S.2"],
      currency: "foreign",
      interestBearing: true,
    },
  ],
  [
    "All other",
    {
      item: "other_assets",
      side: "asset",
      kind: "item",
      parent: "other_assets_total",
      instrument: "AF.8",
      currency: null,
    },
  ],
  ["Total assets", { item: "total_assets", side: "asset", kind: "total" }],
  ["Float", memo("float", "asset")],
  ["Other Federal Reserve assets", memo("other_federal_reserve_assets", "asset")],
  ["Gold stock", memo("gold_stock", "asset")],
  ["Treasury currency outstanding", memo("treasury_currency_outstanding", "asset")],
  ["Total factors supplying reserve funds", memo("total_factors_supplying", "asset")],
  // Currency in circulation (Table 1) includes Treasury coin: a factor, not the notes liability.
  ["Currency in circulation", memo("currency_in_circulation_wednesday", "liability")],
  ["Treasury cash holdings", memo("treasury_cash_holdings", "liability")],
  [
    "Federal Reserve notes, net of F.R. Bank holdings",
    {
      item: "federal_reserve_notes",
      side: "liability",
      kind: "item",
      instrument: "AF.21",
      counterparty: ["S.1"],
      interestBearing: false,
      maturity: "short",
    },
  ],
  [
    "Reverse repurchase agreements",
    {
      item: "reverse_repurchase_agreements",
      side: "liability",
      kind: "item",
      instrument: "AF.4",
      counterparty: ["S.12", "S.2"],
      interestBearing: true,
      maturity: "short",
    },
  ],
  [
    "Foreign official and international accounts",
    memo("reverse_repos_foreign_official", "liability", "reverse_repurchase_agreements"),
  ],
  ["Dealers", memo("reverse_repos_dealers", "liability", "reverse_repurchase_agreements")],
  [
    "Deposits with F.R.Banks, other than reserve balances",
    { item: "deposits_other_than_reserve_balances", side: "liability", kind: "subtotal" },
  ],
  [
    "U.S. Treasury, general account",
    deposit("treasury_general_account", TSY, "deposits_other_than_reserve_balances", false),
  ],
  ["Foreign official", deposit("foreign_official_deposits", ["S.2"], "deposits_other_than_reserve_balances")],
  [
    "Service-related",
    {
      item: "service_related_deposits",
      side: "liability",
      kind: "subtotal",
      parent: "deposits_other_than_reserve_balances",
    },
  ],
  ["Required clearing balances", deposit("required_clearing_balances", DI, "service_related_deposits")],
  ["Adjustments to compensate for float", deposit("float_adjustments", DI, "service_related_deposits")],
  ["Other", deposit("other_deposits", ["S.12"], "deposits_other_than_reserve_balances")],
]);

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
  const ddpLineOf = (
    line: FedLine,
    label: string,
    value: number,
    row: number,
    cell: (name: string) => string,
  ): Position => ({
    item: line.item,
    label: { en: label },
    code: line.code,
    side: line.side,
    kind: line.kind,
    ...(line.parent ? { parent: line.parent } : {}),
    ...(line.instrument ? { instrument: line.instrument } : {}),
    currency: line.currency === "foreign" ? null : line.currency,
    foreign: line.currency === null ? null : line.currency !== "USD",
    maturity: line.maturity,
    maturityBasis: "original",
    counterparty: [...line.counterparty],
    interestBearing: line.interestBearing,
    ...(line.inflationIndexed ? { inflationIndexed: true } : {}),
    value,
    source: { dataset, file, row, column: "value_usd_mn", url: cell("source") },
  });
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
        sheet.positions.push(ddpLineOf(memoLine, label, value, row, cell));
        const key = `${origin}|${code}|${read.memo.reason}`;
        const m = memoRows.get(key) ?? { origin, code: code!, ...read.memo, rows: 0 };
        m.rows++;
        memoRows.set(key, m);
        continue;
      }
      sheet.positions.push(ddpLineOf(read.line, label, value, row, cell));
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
