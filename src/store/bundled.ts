import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { DataError } from "../errors.ts";
import { SHEET_ENTITIES } from "../model/entity.ts";
import type { Series } from "../model/series.ts";
import { BALANCE_SHEET_BUNDLED } from "./bundled-balance-sheets.ts";
import type { BundledDataset, Progress } from "./bundled-dataset.ts";
import { RECESSION_BUNDLED } from "./bundled-recession.ts";
import { recordDataset } from "./datasets.ts";
import { bundledDataDir } from "./paths.ts";
import { saveSeries } from "./series.ts";
import { saveEntity, saveSheets } from "./sheets.ts";
import type { Store } from "./store.ts";

export type { BundledDataset, Progress } from "./bundled-dataset.ts";

/** Every dataset shipped in data/, in loading order. */
export const BUNDLED: BundledDataset[] = [...BALANCE_SHEET_BUNDLED, ...RECESSION_BUNDLED];

/** Replaces every series of a bundled dataset, so a series dropped from the files leaves the store too. */
async function replaceDatasetSeries(store: Store, dataset: string, list: readonly Series[]): Promise<void> {
  const ids = new Set<string>();
  for (const s of list) {
    if (s.dataset !== dataset || ids.has(s.id))
      throw new DataError(`bundled series ${s.id}: wrong dataset or duplicate id`);
    ids.add(s.id);
  }
  await store.run("delete from observations where series_id in (select id from series where dataset = $1)", [
    dataset,
  ]);
  await store.run("delete from series where dataset = $1", [dataset]);
  await saveSeries(store, list);
}

function fingerprint(dir: string, d: BundledDataset): string {
  const hash = createHash("sha256");
  for (const f of d.files) hash.update(readFileSync(join(dir, f)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Loads every bundled dataset the store does not hold yet (or holds from different files), each in
 * its own transaction. An optional dataset whose files are missing is skipped (a store that loaded
 * it earlier keeps it). Returns the ids loaded.
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
  const todo = BUNDLED.filter((d) => !d.optional || d.files.every((f) => existsSync(join(dir, f))))
    .map((d) => ({ d, fp: fingerprint(dir, d) }))
    .filter(({ d, fp }) => have.get(d.id) !== fp);
  if (todo.length === 0) return [];
  for (const e of SHEET_ENTITIES) await saveEntity(store, e);
  let done = 0;
  for (const { d, fp } of todo) {
    onProgress?.(done, todo.length, d.id);
    const { sheets = [], series = [] } = d.read(dir);
    await store.transaction(async () => {
      await saveSheets(store, sheets, d.vintage, d.id);
      await replaceDatasetSeries(store, d.id, series);
      const { files: _files, read: _read, optional: _optional, ...info } = d;
      await recordDataset(store, { ...info, fingerprint: fp });
    });
    onProgress?.(++done, todo.length, d.id);
  }
  return todo.map(({ d }) => d.id);
}
