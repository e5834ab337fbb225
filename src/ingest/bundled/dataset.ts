import { readFileSync } from "node:fs";
import { join } from "node:path";

import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Entity } from "../../model/entity.ts";
import type { Series } from "../../model/series.ts";
import type { DatasetInfo } from "../../store/datasets.ts";

/**
 * A dataset shipped in data/ and how to read it into sheets and series. `read` calls readers from
 * src/io and returns records; the loader (load-bundled.ts) validates and writes them.
 */
export interface BundledDataset extends Omit<DatasetInfo, "fingerprint"> {
  /** Files (relative to data/) whose content decides whether the store must reload. */
  files: string[];
  /**
   * The product works without it (e.g. a restricted dataset the user deleted): when any of its
   * files is missing the entry is skipped instead of failing.
   */
  optional?: boolean;
  /** Entity rows (what each entity is) are written before the sheets and series. */
  read(dataDir: string): { entities?: Entity[]; sheets?: BalanceSheet[]; series?: Series[] };
}

/** A bundled text file, read as UTF-8. */
export const text = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
