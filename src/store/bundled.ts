import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  buildPbocSheets,
  PBOC_DATASET,
  readPbocLongCsv,
  readPbocWideCsv,
} from "../io/pboc/monetary-authority.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import { CENTRAL_BANKS } from "../model/entity.ts";
import type { Series } from "../model/series.ts";
import type { DatasetInfo } from "./datasets.ts";
import { recordDataset } from "./datasets.ts";
import { bundledDataDir } from "./paths.ts";
import { saveSeries } from "./series.ts";
import { saveEntity, saveSheets } from "./sheets.ts";
import type { Store } from "./store.ts";

/** A dataset shipped in data/ and how to read it into sheets and series. */
export interface BundledDataset extends Omit<DatasetInfo, "fingerprint"> {
  /** Files (relative to data/) whose content decides whether the store must reload. */
  files: string[];
  read(dataDir: string): { sheets?: BalanceSheet[]; series?: Series[] };
}

export type Progress = (done: number, total: number, label: string) => void;

const text = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

export const BUNDLED: BundledDataset[] = [
  {
    id: PBOC_DATASET,
    title: "PBoC Balance Sheet of Monetary Authority (货币当局资产负债表), monthly 2000-01..2022-12",
    publisher: "People's Bank of China, Survey and Statistics Department",
    origin:
      "PBoC workbooks via github.com/lingjf/fr (2000-2020); TWK2022/TimeSeriesForecasting CSV (2021-2022)",
    vintage: "2023-06-03",
    licence: "PBoC public statistics; no licence stated by the redistributing repositories",
    restricted: false,
    files: [
      `${PBOC_DATASET}/monetary_authority_bs_long_2000_2020.csv`,
      `${PBOC_DATASET}/twk2022_csv/monetary_authority_bs_2008_2022.csv`,
    ],
    read(dir) {
      const [long, wide] = this.files as [string, string];
      // The workbooks cover 2000-2020; the TWK2022 extract agrees with them exactly there and adds 2021-22.
      const cells = [
        ...readPbocLongCsv(text(dir, long), long),
        ...readPbocWideCsv(text(dir, wide), `data/${wide}`, "2021-01"),
      ];
      return { sheets: buildPbocSheets(cells) };
    },
  },
];

function fingerprint(dir: string, d: BundledDataset): string {
  const hash = createHash("sha256");
  for (const f of d.files) hash.update(readFileSync(join(dir, f)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Loads every bundled dataset the store does not hold yet (or holds from different files), each in
 * its own transaction. Returns the ids loaded.
 */
export async function ensureBundled(
  store: Store,
  onProgress?: Progress,
  dir = bundledDataDir(),
): Promise<string[]> {
  const have = new Map(
    (await store.all<{ id: string; fingerprint: string }>("select id, fingerprint from datasets")).map(
      (r) => [r.id, r.fingerprint],
    ),
  );
  const todo = BUNDLED.map((d) => ({ d, fp: fingerprint(dir, d) })).filter(
    ({ d, fp }) => have.get(d.id) !== fp,
  );
  if (todo.length === 0) return [];
  for (const e of CENTRAL_BANKS) await saveEntity(store, e);
  let done = 0;
  for (const { d, fp } of todo) {
    onProgress?.(done, todo.length, d.id);
    const { sheets = [], series = [] } = d.read(dir);
    await store.transaction(async () => {
      await saveSheets(store, sheets, d.vintage, d.id);
      await saveSeries(store, series);
      const { files: _files, read: _read, ...info } = d;
      await recordDataset(store, { ...info, fingerprint: fp });
    });
    onProgress?.(++done, todo.length, d.id);
  }
  return todo.map(({ d }) => d.id);
}
