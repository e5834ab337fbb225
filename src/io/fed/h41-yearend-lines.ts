import type { InstrumentCode } from "../../model/instruments.ts";
import type { LineKind, Maturity, Side } from "../../model/position.ts";
import type { SectorCode } from "../../model/sectors.ts";

/**
 * A printed line of the H.4.1 year-end file, read onto the model. Labels are matched after the
 * file's " (H.4.1 Table 1, Wednesday level)" suffix is dropped: Table 1 (factors) and the
 * Statistical Supplement's condition statement print the same lines under the same words.
 */
export interface YearendLine {
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
export const LINES = new Map<string, YearendLine>([
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
