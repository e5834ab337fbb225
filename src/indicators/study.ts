import type { VerdictLevel } from "./assess.ts";
import type { MismatchType, Text } from "./types.ts";

/** A figure the study publishes for a central bank at end-2013, as printed. */
export interface StudyFigure {
  entity: string;
  id: string;
  /** The value in the indicator's unit (shares as fractions). */
  value: number;
  /** As printed in the study (in English words). */
  printed: string;
  /** The printed figure in Chinese, the study's language, when it has words. */
  printedZh?: string;
  /** Decimal places the comparison rounds to (the printed precision, in the indicator's unit). */
  digits: number;
}

/**
 * Peng and Xie (2014), Table 2 and sections 2-3: the end-2013 figures of the four central banks
 * (the PBoC's shares of the depository corporations' net foreign assets and total assets included).
 */
/** The printed figure in `lang`. */
export function studyPrinted(f: StudyFigure, lang: "en" | "zh"): string {
  return lang === "zh" ? (f.printedZh ?? f.printed) : f.printed;
}

export const STUDY_2013: readonly StudyFigure[] = [
  {
    entity: "pboc",
    id: "cb.net_fx_position",
    value: 262181.77,
    printed: "26.2 trn yuan (262,181.77 x 1e8)",
    printedZh: "26.2万亿元（262,181.77亿元）",
    digits: 2,
  },
  { entity: "pboc", id: "cb.fx_to_foreign_liabilities", value: 126.5, printed: "126.5x", digits: 1 },
  { entity: "pboc", id: "cb.fx_assets_share", value: 0.833, printed: "83.3%", digits: 3 },
  { entity: "pboc", id: "cb.currency_issued_share", value: 0.205, printed: "20.5%", digits: 3 },
  { entity: "pboc", id: "cb.financial_deposits_share", value: 0.649, printed: "64.9%", digits: 3 },
  { entity: "pboc", id: "cb.government_deposits_share", value: 0.09, printed: "9.0%", digits: 3 },
  { entity: "pboc", id: "cb.other_assets_share", value: 0.024, printed: "2.4%", digits: 3 },
  {
    entity: "pboc",
    id: "cb.nfa_share_of_depository_corporations",
    value: 0.961,
    printed: "96.1%",
    digits: 3,
  },
  {
    entity: "pboc",
    id: "cb.other_assets_to_odc_assets",
    value: 0.005,
    printed: "0.50%",
    digits: 4,
  },
  {
    entity: "fed",
    id: "cb.net_fx_position",
    value: 23800,
    printed: "FX assets 23.8 bn USD",
    printedZh: "外汇资产238亿美元",
    digits: 0,
  },
  {
    entity: "fed",
    id: "cb.long_term_government_securities_share",
    value: 0.522,
    printed: "52.2% (medium/long Treasuries)",
    printedZh: "52.2%（中长期国债）",
    digits: 3,
  },
  {
    entity: "fed",
    id: "cb.long_term_securities_share",
    value: 0.893,
    printed: "52.2% + MBS 37.1%",
    digits: 3,
  },
  {
    entity: "fed",
    id: "cb.short_term_securities_share",
    value: 0,
    printed: "bills all sold",
    printedZh: "短期国库券已全部售出",
    digits: 3,
  },
  { entity: "fed", id: "cb.currency_issued_share", value: 0.296, printed: "29.6%", digits: 3 },
  {
    entity: "fed",
    id: "cb.financial_deposits_share",
    value: 0.65,
    printed: "65.0% (deposits of depository institutions)",
    printedZh: "65.0%（存款机构存款）",
    digits: 3,
  },
  {
    entity: "boj",
    id: "cb.fx_assets_share",
    value: 0.024,
    printed: "2.4% (2.3% in section 4)",
    printedZh: "2.4%（第四部分为2.3%）",
    digits: 3,
  },
  {
    entity: "boj",
    id: "cb.long_term_government_securities_share",
    value: 0.632,
    printed: "63.2% (141.6 trn yen)",
    printedZh: "63.2%（141.6万亿日元）",
    digits: 3,
  },
  {
    entity: "boj",
    id: "cb.currency_issued_share",
    value: 0.402,
    printed: "40.2% (banknotes)",
    printedZh: "40.2%（银行券）",
    digits: 3,
  },
  {
    entity: "boj",
    id: "cb.financial_deposits_share",
    value: 0.478,
    printed: "47.8% (current deposits)",
    printedZh: "47.8%（活期存款）",
    digits: 3,
  },
  {
    entity: "ecb",
    id: "cb.net_fx_position",
    value: 261000,
    printed: "261 bn EUR",
    printedZh: "2610亿欧元",
    digits: -3,
  },
  { entity: "ecb", id: "cb.fc_assets_to_fc_liabilities", value: 35, printed: "35x", digits: 0 },
  { entity: "ecb", id: "cb.fx_assets_share", value: 0.118, printed: "11.8%", digits: 3 },
  { entity: "ecb", id: "cb.fx_liabilities_share", value: 0.003, printed: "0.3%", digits: 3 },
  { entity: "ecb", id: "cb.longer_term_refinancing_share", value: 0.255, printed: "25.5%", digits: 3 },
  { entity: "ecb", id: "cb.main_refinancing_share", value: 0.058, printed: "5.8%", digits: 3 },
  {
    entity: "ecb",
    id: "cb.currency_issued_share",
    value: 0.419,
    printed: "41.9% (banknotes)",
    printedZh: "41.9%（银行券）",
    digits: 3,
  },
  {
    entity: "ecb",
    id: "cb.financial_deposits_share",
    value: 0.194,
    printed: "19.4% (credit-institution deposits)",
    printedZh: "19.4%（信贷机构存款）",
    digits: 3,
  },
];

/** One cell of the study's Table 2 as printed (the reasons it lists are in {@link STUDY_2013}). */
export interface StudyCell {
  level: VerdictLevel;
  direction?: "creditor";
  printed: Text;
}

type Cell = "severe creditor" | "creditor" | "present" | "not considered";

/**
 * The study's Table 2 at end-2013 as printed, one row per bank: the currency, maturity and
 * capital-structure cells, then the conclusion's words. A cell's own words follow from its level
 * (see {@link printedCell}); the mismatches a conclusion finds are the cells found.
 */
const TABLE2_PRINTED: readonly [string, Cell, Cell, Cell, Text][] = [
  [
    "pboc",
    "severe creditor",
    "not considered",
    "present",
    {
      en: "severe creditor-type currency mismatch and capital-structure mismatch",
      zh: "存在严重的债权型货币错配和资本结构错配",
    },
  ],
  [
    "fed",
    "not considered",
    "present",
    "present",
    { en: "maturity and capital-structure mismatch", zh: "存在期限错配和资本结构错配" },
  ],
  ["boj", "creditor", "present", "present", { en: "all three types of mismatch", zh: "三种类型错配均存在" }],
  [
    "ecb",
    "creditor",
    "present",
    "not considered",
    { en: "creditor-type currency mismatch and maturity mismatch", zh: "存在债权型货币错配和期限错配" },
  ],
];

// Entity ids come from users: lookups must not reach Object.prototype.
const byBank = <T>(rows: [string, T][]): Readonly<Record<string, T>> =>
  Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(rows));

const TYPES: readonly MismatchType[] = ["currency", "maturity", "capital-structure"];
const TYPE_WORDS: Readonly<Record<MismatchType, Text>> = {
  currency: { en: "currency mismatch", zh: "货币错配" },
  maturity: { en: "maturity mismatch", zh: "期限错配" },
  "capital-structure": { en: "capital-structure mismatch", zh: "资本结构错配" },
};

/** A printed cell with the words the study uses for it ("存在严重的债权型货币错配"). */
function printedCell(type: MismatchType, cell: Cell): StudyCell {
  if (cell === "not considered") return { level: cell, printed: { en: "not considered", zh: "不予考虑" } };
  const t = TYPE_WORDS[type];
  if (cell === "severe creditor")
    return {
      level: "severe",
      direction: "creditor",
      printed: { en: `severe creditor-type ${t.en}`, zh: `存在严重的债权型${t.zh}` },
    };
  if (cell === "creditor")
    return {
      level: "present",
      direction: "creditor",
      printed: { en: `creditor-type ${t.en} present`, zh: `存在债权型${t.zh}` },
    };
  return { level: "present", printed: { en: `${t.en} present`, zh: `存在${t.zh}` } };
}

/** The study's Table 2 verdicts at end-2013, cell by cell, with the words it prints. */
export const STUDY_VERDICTS: Readonly<Record<string, Record<MismatchType, StudyCell>>> = byBank(
  TABLE2_PRINTED.map(([bank, ...cells]) => [
    bank,
    Object.fromEntries(TYPES.map((type, k) => [type, printedCell(type, cells[k] as Cell)])) as Record<
      MismatchType,
      StudyCell
    >,
  ]),
);

/** The study's Table 2 conclusions at end-2013: the mismatches it finds, and the words it prints. */
export const STUDY_CONCLUSIONS: Readonly<Record<string, { found: MismatchType[]; printed: Text }>> = byBank(
  TABLE2_PRINTED.map(([bank, c, m, k, printed]) => [
    bank,
    { found: TYPES.filter((_, i) => [c, m, k][i] !== "not considered"), printed },
  ]),
);

/** Whether a computed value equals the study's figure at its printed precision. */
export function matchesStudy(value: number, f: StudyFigure): boolean {
  const scale = 10 ** f.digits;
  return Math.round(value * scale) === Math.round(f.value * scale);
}
