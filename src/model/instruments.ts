/**
 * Financial instruments of SNA 2008 (AF codes) and non-financial assets (AN), spelled as published.
 * `debt` follows BPM6 and the External Debt Guide: AF.2, AF.3, AF.4, AF.6 and AF.8 are debt,
 * AF.5 is equity, gold bullion and AF.7 are neither.
 */
export const INSTRUMENTS = {
  "AF.1": { en: "Monetary gold and SDRs", zh: "货币黄金和特别提款权", debt: false },
  "AF.11": { en: "Monetary gold", zh: "货币黄金", debt: false },
  "AF.12": { en: "Special drawing rights", zh: "特别提款权", debt: false },
  "AF.2": { en: "Currency and deposits", zh: "通货和存款", debt: true },
  "AF.21": { en: "Currency", zh: "通货", debt: true },
  "AF.22": { en: "Transferable deposits", zh: "可转让存款", debt: true },
  "AF.29": { en: "Other deposits", zh: "其他存款", debt: true },
  "AF.3": { en: "Debt securities", zh: "债务性证券", debt: true },
  "AF.31": { en: "Short-term debt securities", zh: "短期债券", debt: true },
  "AF.32": { en: "Long-term debt securities", zh: "长期债券", debt: true },
  "AF.4": { en: "Loans", zh: "贷款", debt: true },
  "AF.41": { en: "Short-term loans", zh: "短期贷款", debt: true },
  "AF.42": { en: "Long-term loans", zh: "中长期贷款", debt: true },
  "AF.5": { en: "Equity and investment fund shares", zh: "股权和投资基金份额", debt: false },
  "AF.51": { en: "Equity", zh: "股权", debt: false },
  "AF.519": { en: "Other equity", zh: "其他股权", debt: false },
  "AF.52": { en: "Investment fund shares", zh: "投资基金份额", debt: false },
  "AF.6": {
    en: "Insurance, pension and standardised guarantee schemes",
    zh: "保险、养老金和标准化担保计划",
    debt: true,
  },
  "AF.7": {
    en: "Financial derivatives and employee stock options",
    zh: "金融衍生品和雇员股票期权",
    debt: false,
  },
  "AF.8": { en: "Other accounts receivable/payable", zh: "其他应收/应付款", debt: true },
  AN: { en: "Non-financial assets", zh: "非金融资产", debt: false },
} as const;

export type InstrumentCode = keyof typeof INSTRUMENTS;

/** True when `code` is a known AF/AN code. */
export function isInstrumentCode(code: string): code is InstrumentCode {
  return Object.hasOwn(INSTRUMENTS, code);
}
