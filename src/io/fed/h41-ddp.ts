import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { InstrumentCode } from "../../model/instruments.ts";
import type { LineKind, Maturity, Position, Side } from "../../model/position.ts";
import type { SectorCode } from "../../model/sectors.ts";
import { parseScale } from "../../model/units.ts";
import { parseCsv } from "../csv/parse-csv.ts";

export const FED_H41_DATASET = "fred-h41-fed-balance-sheet";

/**
 * A line of the H.4.1 "Consolidated Statement of Condition of All Federal Reserve Banks" as the
 * Board's Data Download Program names it (series code without the `_N.WW` suffix), read onto the
 * model as ../shared/reference/classifications.md section 5 describes. Codes, not labels, are
 * matched: the Board keeps codes stable while label wording changes.
 */
export interface FedLine {
  code: string;
  item: string;
  en: string;
  side: Side;
  kind: LineKind;
  parent?: string;
  instrument?: InstrumentCode;
  counterparty: SectorCode[];
  /** `USD` domestic, `XAU` gold, `foreign` a foreign currency, null unknown. */
  currency: "USD" | "XAU" | "foreign" | null;
  interestBearing: boolean | null;
  maturity: Maturity;
  /** TIPS and their inflation compensation (not the study's nominal notes and bonds). */
  inflationIndexed?: true;
}

const L = (
  code: string,
  item: string,
  en: string,
  side: Side,
  kind: LineKind,
  rest: Partial<Omit<FedLine, "code" | "item" | "en" | "side" | "kind">> = {},
): FedLine => ({
  code,
  item,
  en,
  side,
  kind,
  counterparty: [],
  currency: "USD",
  interestBearing: null,
  maturity: "unknown",
  ...rest,
});

const TSY: SectorCode[] = ["S.1311"];
const GSE: SectorCode[] = ["S.125"];

/** A {@link FedLine} with the defaults of an unclassified USD line (no counterparty, maturity unknown). */
export const fedLine = (...args: Parameters<typeof L>): FedLine => L(...args);

export const FED_LINES: readonly FedLine[] = [
  L("RESPPAG", "gold_certificates", "Gold certificate account", "asset", "item", {
    instrument: "AF.11",
    currency: "XAU",
    interestBearing: false,
  }),
  L("RESPPAS", "sdr_certificates", "Special drawing rights certificate account", "asset", "item", {
    instrument: "AF.12",
    counterparty: TSY,
    interestBearing: false,
  }),
  L("RESPPAC", "coin", "Coin", "asset", "item", {
    instrument: "AF.21",
    counterparty: TSY,
    interestBearing: false,
    maturity: "short",
  }),
  L(
    "RESPPAL",
    "securities_repos_loans",
    "Securities, premiums, discounts, repurchase agreements, and loans",
    "asset",
    "subtotal",
  ),
  L("RESPPALG", "securities_held_outright", "Securities held outright", "asset", "subtotal", {
    parent: "securities_repos_loans",
  }),
  L("RESPPALGUO", "treasury_securities", "U.S. Treasury securities", "asset", "subtotal", {
    parent: "securities_held_outright",
  }),
  L("RESPPALGUOB", "treasury_bills", "U.S. Treasury bills", "asset", "item", {
    parent: "treasury_securities",
    instrument: "AF.31",
    counterparty: TSY,
    interestBearing: true,
    maturity: "short",
  }),
  L(
    "RESPPALGUOMN",
    "treasury_notes_bonds_nominal",
    "U.S. Treasury notes and bonds, nominal",
    "asset",
    "item",
    {
      parent: "treasury_securities",
      instrument: "AF.32",
      counterparty: TSY,
      interestBearing: true,
      maturity: "long",
    },
  ),
  L(
    "RESPPALGUOMI",
    "treasury_notes_bonds_inflation_indexed",
    "U.S. Treasury notes and bonds, inflation-indexed",
    "asset",
    "item",
    {
      parent: "treasury_securities",
      instrument: "AF.32",
      counterparty: TSY,
      interestBearing: true,
      maturity: "long",
      inflationIndexed: true,
    },
  ),
  L(
    "RESPPALGUOMC",
    "treasury_inflation_compensation",
    "U.S. Treasury inflation compensation",
    "asset",
    "item",
    {
      parent: "treasury_securities",
      instrument: "AF.32",
      counterparty: TSY,
      interestBearing: true,
      maturity: "long",
      inflationIndexed: true,
    },
  ),
  L("RESPPALGAO", "federal_agency_debt", "Federal agency debt securities", "asset", "item", {
    parent: "securities_held_outright",
    instrument: "AF.32",
    counterparty: GSE,
    interestBearing: true,
    maturity: "long",
  }),
  L("RESPPALGASMO", "mortgage_backed_securities", "Mortgage-backed securities", "asset", "item", {
    parent: "securities_held_outright",
    instrument: "AF.32",
    counterparty: GSE,
    interestBearing: true,
    maturity: "long",
  }),
  L(
    "RESPPALSP",
    "unamortized_premiums",
    "Unamortized premiums on securities held outright",
    "asset",
    "item",
    {
      parent: "securities_repos_loans",
      instrument: "AF.3",
    },
  ),
  L(
    "RESPPALSD",
    "unamortized_discounts",
    "Unamortized discounts on securities held outright",
    "asset",
    "item",
    {
      parent: "securities_repos_loans",
      instrument: "AF.3",
    },
  ),
  L("RESPPALGTR", "repurchase_agreements", "Repurchase agreements", "asset", "item", {
    parent: "securities_repos_loans",
    instrument: "AF.4",
    counterparty: ["S.12"],
    interestBearing: true,
    maturity: "short",
  }),
  L("RESPPALD", "loans", "Loans", "asset", "item", {
    parent: "securities_repos_loans",
    instrument: "AF.4",
    counterparty: ["S.122"],
    interestBearing: true,
    maturity: "short",
  }),
  L("RESPPAAML1H", "maiden_lane_llc", "Net portfolio holdings of Maiden Lane LLC", "asset", "item", {
    instrument: "AF.51",
    counterparty: ["S.127"],
  }),
  L(
    "RESPPMAIX",
    "items_in_process_eliminations",
    "Items in process of collection, eliminations",
    "asset",
    "memo",
  ),
  L("RESPPMAI", "items_in_process_of_collection", "Items in process of collection", "asset", "item", {
    instrument: "AF.8",
    interestBearing: false,
    maturity: "short",
  }),
  L("RESPPAP", "bank_premises", "Bank premises", "asset", "item", { instrument: "AN", currency: null }),
  L("RESH4SCS", "central_bank_liquidity_swaps", "Central bank liquidity swaps", "asset", "item", {
    instrument: "AF.4",
    counterparty: ["S.2"],
    currency: "foreign",
    interestBearing: true,
    maturity: "short",
  }),
  L("RESPPAO", "other_assets", "Other assets", "asset", "item", { instrument: "AF.8", currency: null }),
  L(
    "RESPPAOF",
    "foreign_currency_denominated_assets",
    "Foreign currency denominated assets",
    "asset",
    "item",
    {
      instrument: "AF.2",
      counterparty: ["S.2"],
      currency: "foreign",
      interestBearing: true,
    },
  ),
  L(
    "RESPPMAX",
    "total_assets_eliminations",
    "Total assets, eliminations from consolidation",
    "asset",
    "memo",
  ),
  L("RESPPMA", "total_assets", "Total assets", "asset", "total"),
  L(
    "RESPPLLN",
    "federal_reserve_notes",
    "Federal Reserve notes, net of F.R. Bank holdings",
    "liability",
    "item",
    {
      parent: "total_liabilities",
      instrument: "AF.21",
      counterparty: ["S.1"],
      interestBearing: false,
      maturity: "short",
    },
  ),
  L("RESPPLLR", "reverse_repurchase_agreements", "Reverse repurchase agreements", "liability", "item", {
    parent: "total_liabilities",
    instrument: "AF.4",
    counterparty: ["S.12", "S.2"],
    interestBearing: true,
    maturity: "short",
  }),
  L("RESPPMLLDX", "deposits_eliminations", "Deposits, eliminations from consolidation", "liability", "memo"),
  L("RESPPMLLD", "deposits", "Deposits", "liability", "subtotal", { parent: "total_liabilities" }),
  L("RESPPLLDA", "term_deposits", "Term deposits held by depository institutions", "liability", "item", {
    parent: "deposits",
    instrument: "AF.29",
    counterparty: ["S.122"],
    interestBearing: true,
    maturity: "short",
  }),
  L(
    "RESPPLLDD",
    "reserve_balances",
    "Other deposits held by depository institutions (reserve balances)",
    "liability",
    "item",
    {
      parent: "deposits",
      instrument: "AF.22",
      counterparty: ["S.122"],
      interestBearing: true,
      maturity: "short",
    },
  ),
  L("RESPPLLDT", "treasury_general_account", "U.S. Treasury, General Account", "liability", "item", {
    parent: "deposits",
    instrument: "AF.22",
    counterparty: TSY,
    interestBearing: false,
    maturity: "short",
  }),
  L("RESPPLLDF", "foreign_official_deposits", "Foreign official deposits", "liability", "item", {
    parent: "deposits",
    instrument: "AF.22",
    counterparty: ["S.2"],
    maturity: "short",
  }),
  L(
    "RESPPMLLDOX",
    "other_deposits_eliminations",
    "Other deposits, eliminations from consolidation",
    "liability",
    "memo",
  ),
  L("RESPPLLDO", "other_deposits", "Other deposits", "liability", "item", {
    parent: "deposits",
    instrument: "AF.22",
    counterparty: ["S.12"],
    maturity: "short",
  }),
  L(
    "RESPPMLLCX",
    "deferred_availability_eliminations",
    "Deferred availability cash items, eliminations",
    "liability",
    "memo",
  ),
  L(
    "RESPPMLLC",
    "deferred_availability_cash_items",
    "Deferred availability cash items",
    "liability",
    "item",
    {
      parent: "total_liabilities",
      instrument: "AF.8",
      interestBearing: false,
      maturity: "short",
    },
  ),
  L("RESPPLLO", "other_liabilities", "Other liabilities and accrued dividends", "liability", "item", {
    parent: "total_liabilities",
    instrument: "AF.8",
    currency: null,
  }),
  L(
    "RESPPMLLX",
    "total_liabilities_eliminations",
    "Total liabilities, eliminations from consolidation",
    "liability",
    "memo",
  ),
  L("RESPPMLL", "total_liabilities", "Total liabilities", "liability", "subtotal"),
  L("RESPPLCP", "capital_paid_in", "Capital paid in", "equity", "item", {
    parent: "total_capital",
    instrument: "AF.519",
    counterparty: ["S.122"],
    interestBearing: false,
  }),
  L("RESPPLCS", "surplus", "Surplus", "equity", "item", {
    parent: "total_capital",
    instrument: "AF.519",
    interestBearing: false,
  }),
  L("RESPPLCU", "other_capital_accounts", "Other capital accounts", "equity", "item", {
    parent: "total_capital",
    instrument: "AF.519",
    interestBearing: false,
  }),
  L("RESPPLC", "total_capital", "Total capital", "equity", "subtotal"),
];

const BY_CODE = new Map(FED_LINES.map((l) => [l.code, l]));

function position(
  line: FedLine,
  label: string,
  value: number,
  file: string,
  row: number,
  column: string,
): Position {
  return {
    item: line.item,
    label: { en: line.en },
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
    source: { dataset: FED_H41_DATASET, file, row, column: `${column} (${label})` },
  };
}

/**
 * Reads the Board's Data Download CSV of the H.4.1 consolidated statement: metadata rows
 * ("Series Description", "Unit:", "Multiplier:", "Currency:", "Unique Identifier:", then the
 * "Time Period" row of series codes) and one row per Wednesday. Only the Wednesday levels
 * (`<CODE>_N.WW`) are read; week and year changes are skipped. Each line becomes a position of
 * entity `fed` whose source is the file's row and the series code. An unknown code is an error
 * listing every unknown code, never a silent drop.
 *
 * @example readFedH41Csv(text, "data/fred-h41-fed-balance-sheet/FRB_H41_2016-02_2017-12.csv")[0].date // "2016-02-03"
 */
export function readFedH41Csv(text: string, file: string): BalanceSheet[] {
  const rows = parseCsv(text, { fileName: file });
  const first = (r: number) => (rows[r]?.[0] ?? "").trim().toLowerCase();
  const descRow = rows.findIndex((_, i) => first(i) === "series description");
  const codeRow = rows.findIndex((_, i) => first(i) === "time period");
  const multRow = rows.findIndex((_, i) => first(i).startsWith("multiplier"));
  const curRow = rows.findIndex((_, i) => first(i).startsWith("currency"));
  if (descRow < 0 || codeRow < 0 || multRow < 0)
    throw new DataError(
      `${file}: not a Fed Data Download file (expected rows "Series Description", "Multiplier:" and "Time Period" before the data)`,
      { place: { file, row: 1 } },
    );
  const codes = rows[codeRow]!;
  const labels = rows[descRow]!;
  const cols: { col: number; line: FedLine; label: string; code: string }[] = [];
  const unknown: string[] = [];
  const scales = new Set<number>();
  codes.forEach((c, col) => {
    if (col === 0) return;
    const m = /^([A-Z0-9]+)_N\.WW$/.exec(c.trim());
    if (!m) return; // week-on-week and year-on-year changes (`_XCH1_`, `_XCH52_`)
    const line = BY_CODE.get(m[1]!);
    if (!line) {
      unknown.push(c.trim());
      return;
    }
    const mult = Number(rows[multRow]![col]);
    const scale =
      Number.isFinite(mult) && mult > 0
        ? Math.round(Math.log10(mult))
        : parseScale(rows[multRow]![col] ?? "");
    if (scale === undefined)
      throw new DataError(`${file}: row ${multRow + 1}, column ${c}: unknown multiplier`);
    scales.add(scale);
    const cur = curRow >= 0 ? (rows[curRow]![col] ?? "USD").trim() : "USD";
    if (cur !== "USD")
      throw new DataError(`${file}: row ${curRow + 1}, column ${c}: currency ${cur}, expected USD`);
    cols.push({ col, line, label: (labels[col] ?? "").trim(), code: c.trim() });
  });
  if (unknown.length > 0)
    throw new DataError(
      `${file}: row ${codeRow + 1}: unknown H.4.1 series code(s) ${unknown.join(", ")}; add them to src/io/fed/h41-ddp.ts`,
      { place: { file, row: codeRow + 1 } },
    );
  if (scales.size > 1)
    throw new DataError(`${file}: mixed multipliers across columns; one sheet needs one unit`);
  const scale = [...scales][0] ?? 6;
  const sheets: BalanceSheet[] = [];
  for (let r = codeRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const date = (row[0] ?? "").trim();
    if (date === "") continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new DataError(
        `${file}: row ${r + 1}, column Time Period: invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`,
        {
          place: { file, row: r + 1 },
        },
      );
    const positions: Position[] = [];
    for (const { col, line, label, code } of cols) {
      const cell = (row[col] ?? "").trim();
      if (cell === "" || cell === "ND" || cell === "NA") continue;
      const value = Number(cell);
      if (!Number.isFinite(value))
        throw new DataError(`${file}: row ${r + 1}, column ${code}: not a number: ${JSON.stringify(cell)}`, {
          place: { file, row: r + 1, column: code },
        });
      positions.push(position(line, label, value, file, r + 1, code));
    }
    sheets.push({ entity: "fed", date, unit: { currency: "USD", scale }, positions, notes: [] });
  }
  return sheets;
}
