/**
 * Institutional sectors of SNA 2008 / ESA 2010, spelled as published.
 * Labels live here only for display; code everywhere else uses the codes.
 */
export const SECTORS = {
  "S.1": { en: "Total economy", zh: "国内部门" },
  "S.11": { en: "Non-financial corporations", zh: "非金融企业部门" },
  "S.12": { en: "Financial corporations", zh: "金融机构部门" },
  "S.121": { en: "Central bank", zh: "中央银行" },
  "S.122": { en: "Deposit-taking corporations except the central bank", zh: "其他存款性公司" },
  "S.123": { en: "Money market funds", zh: "货币市场基金" },
  "S.124": { en: "Non-MMF investment funds", zh: "非货币市场投资基金" },
  "S.125": { en: "Other financial intermediaries", zh: "其他金融中介" },
  "S.126": { en: "Financial auxiliaries", zh: "金融辅助机构" },
  "S.127": { en: "Captive financial institutions and money lenders", zh: "专属金融机构和贷款人" },
  "S.128": { en: "Insurance corporations", zh: "保险公司" },
  "S.129": { en: "Pension funds", zh: "养老基金" },
  "S.13": { en: "General government", zh: "广义政府" },
  "S.1311": { en: "Central government", zh: "中央政府" },
  "S.1312": { en: "State government", zh: "省级政府" },
  "S.1313": { en: "Local government", zh: "地方政府" },
  "S.1314": { en: "Social security funds", zh: "社会保障基金" },
  "S.14": { en: "Households", zh: "住户部门" },
  "S.15": { en: "Non-profit institutions serving households", zh: "为住户服务的非营利机构" },
  "S.2": { en: "Rest of the world", zh: "国外部门" },
} as const;

export type SectorCode = keyof typeof SECTORS;

/** True when `code` is a published SNA sector code. */
export function isSectorCode(code: string): code is SectorCode {
  return Object.hasOwn(SECTORS, code);
}
