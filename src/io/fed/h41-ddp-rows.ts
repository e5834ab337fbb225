import type { Position, SourceRef } from "../../model/position.ts";
import type { SectorCode } from "../../model/sectors.ts";
import { FED_LINES, type FedLine, fedLine as L } from "./h41-ddp.ts";

/**
 * Rows of the year-end file that carry a Data Download Program series code in their note ("DDP
 * series RESPPAOF_N.WW", "DDP SDMX series H0.RESPPALT_N.WW"): the 2010 statement (vaijira/mulligan
 * XML) and the 2021-22 Table 1 factors (FilippoCaramatti/H8_report). They are read by code, like
 * the DDP importer: the file's `side` column files the 2010 discontinued facilities under
 * "liability", and the labels' wording varies by vintage.
 */

const TSY: SectorCode[] = ["S.1311"];
const DI: SectorCode[] = ["S.122"];

// Lines of the Reserve Bank table (codes without the consolidated table's "M"): the 2010 XML
// prints these, the 2016-17 download the "M" ones. Same lines, so the same keys.
const sameAs = (code: string, of: string): FedLine => ({ ...FED_LINES.find((l) => l.code === of)!, code });

const loanPart = (code: string, item: string, en: string, rest: Partial<FedLine> = {}) =>
  L(code, item, en, "asset", "item", {
    parent: "loans",
    instrument: "AF.4",
    counterparty: DI,
    interestBearing: true,
    maturity: "short",
    ...rest,
  });

const llc = (code: string, item: string, en: string, rest: Partial<FedLine>) =>
  L(code, item, en, "asset", "item", rest);

/** Codes read onto the model here in addition to (or instead of) the DDP importer's lines. */
const EXTRA: FedLine[] = [
  L("RESPPA", "total_assets", "Total assets (Reserve Bank table, before eliminations)", "asset", "total"),
  sameAs("RESPPAI", "RESPPMAI"),
  L("RESPPALD", "loans", "Loans", "asset", "subtotal", { parent: "securities_repos_loans" }),
  loanPart("RESPPALDP", "primary_credit", "Primary credit"),
  loanPart("RESPPALDQ", "secondary_credit", "Secondary credit"),
  loanPart("RESPPALDS", "seasonal_credit", "Seasonal credit"),
  // TALF loans ran three to five years, to holders of asset-backed securities (funds, not banks).
  loanPart("RESPPALDT", "talf_loans", "Term Asset-Backed Securities Loan Facility", {
    counterparty: ["S.12"],
    maturity: "long",
  }),
  loanPart("RESPPALDG", "aig_credit", "Credit extended to American International Group, Inc., net", {
    counterparty: ["S.128"],
    maturity: "unknown",
  }),
  loanPart("RESPPALDD", "primary_dealer_credit_2008", "Primary dealer and other broker-dealer credit", {
    counterparty: ["S.125"],
  }),
  loanPart("RESPPALDF", "amlf", "Asset-Backed Commercial Paper Money Market Mutual Fund Liquidity Facility"),
  loanPart("RESPPALDH", "primary_dealer_credit", "Primary dealer credit facility", {
    counterparty: ["S.125"],
  }),
  loanPart("RESPPALDB", "mmlf", "Money Market Mutual Fund Liquidity Facility"),
  // PPPLF advances mature with the pledged PPP loans (two or five years).
  loanPart("RESPPALDJ", "ppplf", "Paycheck Protection Program Liquidity Facility", { maturity: "long" }),
  loanPart("RESPPALDK", "btfp", "Bank Term Funding Program"),
  loanPart("RESPPALDC", "other_credit_extensions", "Other credit extensions", {
    counterparty: [],
    maturity: "unknown",
  }),
  L("RESPPALT", "term_auction_credit", "Term auction credit", "asset", "item", {
    parent: "securities_repos_loans",
    instrument: "AF.4",
    counterparty: DI,
    interestBearing: true,
    maturity: "short",
  }),
  // Consolidated LLCs: their portfolios, as the DDP importer reads Maiden Lane LLC.
  llc("RESPPAAML2H", "maiden_lane_ii_llc", "Net portfolio holdings of Maiden Lane II LLC", {
    instrument: "AF.51",
    counterparty: ["S.127"],
  }),
  llc("RESPPAAML3H", "maiden_lane_iii_llc", "Net portfolio holdings of Maiden Lane III LLC", {
    instrument: "AF.51",
    counterparty: ["S.127"],
  }),
  llc("RESPPAACH", "cpff_llc", "Net portfolio holdings of Commercial Paper Funding Facility LLC", {
    instrument: "AF.31",
    counterparty: ["S.11", "S.12"],
    interestBearing: true,
    maturity: "short",
  }),
  llc("RESPPAATALH", "talf_llc", "Net portfolio holdings of TALF LLC", { instrument: "AF.3" }),
  llc("RESPPAATAL2H", "talf_ii_llc", "Net portfolio holdings of TALF II LLC", {
    instrument: "AF.4",
    counterparty: ["S.12"],
    interestBearing: true,
  }),
  llc(
    "RESPPAAAAAI",
    "aia_alico_preferred_interests",
    "Preferred interests in AIA Aurora LLC and ALICO Holdings LLC",
    {
      instrument: "AF.5",
      counterparty: ["S.128"],
    },
  ),
  llc("RESPPAADH", "mlf_llc", "Net portfolio holdings of Municipal Liquidity Facility LLC", {
    instrument: "AF.3",
    counterparty: ["S.1312", "S.1313"],
    interestBearing: true,
  }),
  llc(
    "RESPPAAEH",
    "main_street_llc",
    "Net portfolio holdings of MS Facilities LLC (Main Street Lending Program)",
    {
      instrument: "AF.4",
      counterparty: ["S.11"],
      interestBearing: true,
      maturity: "long",
    },
  ),
  llc(
    "RESPPAAB",
    "corporate_credit_facilities_llc",
    "Net portfolio holdings of Corporate Credit Facilities LLC",
    {
      instrument: "AF.3",
      counterparty: ["S.11"],
      interestBearing: true,
    },
  ),
  llc("RESPPAAC2H", "cpff_ii_llc", "Net portfolio holdings of Commercial Paper Funding Facility II LLC", {
    instrument: "AF.31",
    counterparty: ["S.11", "S.12"],
    interestBearing: true,
    maturity: "short",
  }),
  llc("RESPPAAD", "mlf_llc_2020", "Municipal Liquidity Facility LLC", {
    instrument: "AF.3",
    counterparty: ["S.1312", "S.1313"],
    interestBearing: true,
  }),
  L("RESPPAE", "other_assets_reserve_bank_table", "Other assets, Reserve Bank table", "asset", "item", {
    instrument: "AF.8",
    currency: null,
  }),
  L("RESPPL", "total_liabilities_and_capital", "Total liabilities and capital", "liability", "total"),
  L("RESPPLL", "total_liabilities", "Total liabilities", "liability", "subtotal"),
  L("RESPPLLD", "deposits", "Deposits", "liability", "subtotal", { parent: "total_liabilities" }),
  sameAs("RESPPLLC", "RESPPMLLC"),
  L(
    "RESPPLLDS",
    "treasury_supplementary_financing_account",
    "U.S. Treasury, Supplementary Financing Account",
    "liability",
    "item",
    {
      parent: "deposits",
      instrument: "AF.22",
      counterparty: TSY,
      interestBearing: false,
      maturity: "short",
    },
  ),
  L(
    "RESPPLLDE",
    "other_deposits_of_depository_institutions",
    "Deposits held by depository institutions, other than reserve balances",
    "liability",
    "item",
    {
      parent: "deposits",
      instrument: "AF.22",
      counterparty: DI,
      maturity: "short",
    },
  ),
  L(
    "RESPPLLA",
    "aig_funds_held_as_agent",
    "Funds from American International Group, Inc. asset dispositions, held as agent",
    "liability",
    "item",
    {
      parent: "total_liabilities",
      instrument: "AF.8",
      counterparty: ["S.128"],
      interestBearing: false,
    },
  ),
  L(
    "RESPPLLE",
    "other_liabilities_and_deferred_credit",
    "Other liabilities and accrued dividends and total deferred credit items",
    "liability",
    "item",
    {
      parent: "total_liabilities",
      instrument: "AF.8",
      currency: null,
    },
  ),
  // Table 1 prints it; the condition statement names the same Treasury equity in the LLCs.
  L(
    "RESH4E",
    "treasury_contribution_to_credit_facilities",
    "Treasury contribution to credit facilities",
    "liability",
    "item",
    {
      instrument: "AF.8",
      counterparty: TSY,
      interestBearing: false,
    },
  ),
];

/** Codes kept as memo lines, each with why it is not a line of the balance sheet. */
const MEMO: Record<string, { item: string; reason: string }> = {
  RESPPALGUM: { item: "treasury_securities_all", reason: "repeats U.S. Treasury securities" },
  RESPPALGAM: { item: "federal_agency_debt_all", reason: "repeats federal agency debt securities" },
  RESPPALGUON: {
    item: "treasury_notes_bonds",
    reason: "sum of nominal, inflation-indexed notes and bonds and inflation compensation, printed as lines",
  },
  RESPPALGASMR: { item: "mbs_residential", reason: "a split of mortgage-backed securities (prints 0)" },
  RESPPALGASMS: { item: "mbs_commercial", reason: "a split of mortgage-backed securities (prints 0)" },
  RESPPALGTRF: { item: "repos_foreign_official", reason: "a split of repurchase agreements" },
  RESPPALGTRO: { item: "repos_others", reason: "a split of repurchase agreements" },
  RESPPALDN: { item: "loans_net", reason: "repeats Loans" },
  RESPPALDV: { item: "loans_calculated", reason: "a calculated Loans series (prints 0)" },
  RESPPAN: {
    item: "interdistrict_settlement",
    reason: "between Reserve Banks; nets to zero in the combined statement",
  },
  RESPPAR: {
    item: "gold_and_sdr_certificates",
    reason: "a combined series that prints 0 here; the two accounts are printed as lines",
  },
  RESPPMLLDO: { item: "other_deposits_consolidated", reason: "repeats Deposits: Other" },
  RESPPLLOO: {
    item: "other_liabilities_through_2020",
    reason: "repeats other liabilities and accrued dividends",
  },
  RESPPLLOP: {
    item: "earnings_remittances_due",
    reason: "included in other liabilities and accrued dividends",
  },
  RESPPLLNO: {
    item: "federal_reserve_notes_outstanding",
    reason: "gross notes; the liability is the notes net of F.R. Bank holdings",
  },
  RESPPLLNH: { item: "notes_held_by_fr_banks", reason: "netted from Federal Reserve notes outstanding" },
  RESPPLLRD: { item: "reverse_repos_others", reason: "a split of reverse repurchase agreements" },
  RESPPLLRF: {
    item: "reverse_repos_foreign_official",
    reason: "a split of reverse repurchase agreements",
  },
  RESPPLLB: {
    item: "deposits_other_than_reserve_balances",
    reason: "Table 1 factor: deposits other than reserve balances, printed line by line",
  },
  RESPPLLDDS: {
    item: "service_related_deposits",
    reason: "Table 1 factor: service-related balances, inside deposits of depository institutions",
  },
  RESFSCB: {
    item: "required_clearing_balances",
    reason: "Table 1 factor: inside deposits of depository institutions",
  },
  RESH4AAPA: {
    item: "float_adjustments",
    reason: "Table 1 factor: inside deposits of depository institutions",
  },
  RESH4A: { item: "total_factors_absorbing", reason: "Table 1 total of factors, not of the balance sheet" },
  RESH4AO: { item: "other_liabilities_and_capital", reason: "Table 1 factor grouping several lines" },
  RESH4R: {
    item: "reserve_balances_factor",
    reason:
      "Table 1 balancing item; not the condition statement's deposits of depository institutions (2010-01-27: 1,107,959 vs 1,110,737)",
  },
  RESH4S: { item: "total_factors_supplying", reason: "Table 1 total of factors, not of the balance sheet" },
  RESH4SC: { item: "reserve_bank_credit", reason: "Table 1 subtotal of factors" },
  RESH4SCF: { item: "float", reason: "Table 1 factor: items in process less deferred availability" },
  RESH4SO: { item: "other_federal_reserve_assets", reason: "Table 1 factor grouping several lines" },
  RESTBC: {
    item: "currency_in_circulation",
    reason: "Table 1 factor: includes Treasury coin; not the notes liability",
  },
  RESTBHT: { item: "treasury_cash_holdings", reason: "the Treasury's holdings, not the Fed's" },
  RESTBMG: { item: "gold_stock", reason: "the Treasury's gold stock, not the gold certificate account" },
  RESTBMT: { item: "treasury_currency_outstanding", reason: "a Treasury liability" },
};

const BY_CODE = new Map<string, FedLine>([
  ...FED_LINES.map((l) => [l.code, l] as const),
  ...EXTRA.map((l) => [l.code, l] as const),
]);

/** The DDP series code in a row's note, without the `H0.` (discontinued) prefix and `_N.WW`. */
export function ddpCodeOf(note: string): string | undefined {
  return /\bseries (?:H0\.)?([A-Z0-9]+)_N\.WW\b/.exec(note)?.[1];
}

export type DdpRowRead = { line: FedLine } | { memo: { item: string; reason: string } } | { unknown: true };

/**
 * What the row with DDP code `code`, label `label`, at `date` becomes. A series the label dates
 * "(Post 2020-03-17)" or "(Effective 2020-05-26)" is a memo before that day, and one dated
 * "(Through 2010-02-03)" after it: the download prints 0 for days the line was not in the statement.
 */
export function readDdpRow(code: string, label: string, date: string): DdpRowRead {
  const memo = MEMO[code];
  if (memo) return { memo };
  const line = BY_CODE.get(code);
  if (!line) return { unknown: true };
  const from = /\((?:Post|post|Effective) (\d{4}-\d{2}-\d{2})\)/.exec(label)?.[1];
  if (from && date < from)
    return { memo: { item: `${line.item}_before_${from}`, reason: `not in the statement before ${from}` } };
  const to = /\(Through (\d{4}-\d{2}-\d{2})\)/.exec(label)?.[1];
  if (to && date > to)
    return { memo: { item: `${line.item}_after_${to}`, reason: `not in the statement after ${to}` } };
  return { line };
}

/** The position of a DDP-coded row read as `line`, labelled as the file prints it. */
export function ddpPosition(line: FedLine, label: string, value: number, source: SourceRef): Position {
  return {
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
    source,
  };
}
