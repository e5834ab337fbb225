import type { SectorCode } from "./sectors.ts";

/** Whose balance sheet it is: a central bank, a sector of an economy, or a whole country. */
export interface Entity {
  /** Short stable id used on the command line: `pboc`, `fed`, `ecb`, `boj`. */
  id: string;
  name: { en: string; zh: string };
  sector: SectorCode | null;
  /** ISO 3166 alpha-2 country or currency-union code (`CN`, `US`, `XM` for the euro area). */
  country: string;
  /** ISO 4217 code of the entity's own currency; a position in any other currency is foreign. */
  homeCurrency: string;
}

/** The central banks of the mismatch study's Table 2. */
export const CENTRAL_BANKS: readonly Entity[] = [
  {
    id: "pboc",
    name: { en: "People's Bank of China", zh: "中国人民银行" },
    sector: "S.121",
    country: "CN",
    homeCurrency: "CNY",
  },
  {
    id: "fed",
    name: { en: "Federal Reserve System", zh: "美联储" },
    sector: "S.121",
    country: "US",
    homeCurrency: "USD",
  },
  {
    id: "boj",
    name: { en: "Bank of Japan", zh: "日本银行" },
    sector: "S.121",
    country: "JP",
    homeCurrency: "JPY",
  },
  {
    id: "ecb",
    name: { en: "Eurosystem (ECB)", zh: "欧洲央行（欧元体系）" },
    sector: "S.121",
    country: "XM",
    homeCurrency: "EUR",
  },
];

/**
 * Other depository corporations (S.122): the banking system beside a central bank, as the PBoC's
 * 其他存款性公司资产负债表 reports it. Kept apart from {@link CENTRAL_BANKS} so central-bank lists
 * (Table 2, the comparison) do not pick them up.
 */
export const DEPOSITORY_CORPORATIONS: readonly Entity[] = [
  {
    id: "pboc-odc",
    name: { en: "Other depository corporations (China)", zh: "其他存款性公司" },
    sector: "S.122",
    country: "CN",
    homeCurrency: "CNY",
  },
];

/** Every entity whose balance sheets are bundled: the central banks, then the depository corporations. */
export const SHEET_ENTITIES: readonly Entity[] = [...CENTRAL_BANKS, ...DEPOSITORY_CORPORATIONS];
