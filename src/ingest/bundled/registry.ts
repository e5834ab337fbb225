import { BALANCE_SHEET_BUNDLED } from "./balance-sheets.ts";
import type { BundledDataset } from "./dataset.ts";
import { ENTITIES_BUNDLED } from "./entities.ts";
import { EXCHANGE_RATES_BUNDLED } from "./exchange-rates.ts";
import { RECESSION_BUNDLED } from "./recession.ts";
import { STATEMENT_BUNDLED } from "./statements.ts";

/**
 * Every dataset shipped in data/, in loading order. To bundle a new publisher's files: write its
 * reader in src/io/<publisher>/ (files in, sheets or series out), describe the dataset as one
 * {@link BundledDataset} entry (in a file of this folder), and list it here; its entities (with
 * their kind) are rows of data/entities/entities.csv, loaded first.
 */
export const BUNDLED: readonly BundledDataset[] = [
  ENTITIES_BUNDLED,
  ...BALANCE_SHEET_BUNDLED,
  ...STATEMENT_BUNDLED,
  EXCHANGE_RATES_BUNDLED,
  ...RECESSION_BUNDLED,
];
