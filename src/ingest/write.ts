/**
 * The one place where parsed records reach the store. Readers (src/io) produce sheets and series;
 * the import and the bundled loader hand them here, each write inside one transaction.
 */
import { basename } from "node:path";

import { DataError } from "../errors.ts";
import type { Mapping, ParsedImport } from "../io/mappings/index.ts";
import type { TextEncoding } from "../io/text/decode.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import { type Entity, type EntityKind, sectorOfKind } from "../model/entity.ts";
import type { Series } from "../model/series.ts";
import { type DatasetInfo, recordDataset } from "../store/datasets.ts";
import { saveSeries } from "../store/series.ts";
import { listEntities, saveEntity, saveSheets, saveStagedSheets, type SheetHead } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import type { Progress } from "./progress.ts";

/** One parsed file, ready to be written. */
export interface PreparedImport {
  file: string;
  mapping: Mapping;
  parsed: ParsedImport;
  dataset: string;
  vintage: string;
  sha256: string;
  unchanged: boolean;
  /** The text encoding the file was read in. */
  encoding?: TextEncoding;
  /** Positions staged on disk for DuckDB's bulk load (big long CSVs), instead of `parsed.sheets`. */
  staged?: { dir: string; path: string; sheets: SheetHead[]; rows: number };
}

/** The ids of the entities whose sheets or records a parsed file holds. */
function entitiesOf(p: ParsedImport): Set<string> {
  return new Set([
    ...p.sheets.map((s) => s.entity),
    ...p.entities.keys(),
    ...(p.entityInfo ?? []).map((e) => e.id),
  ]);
}

/**
 * Writes parsed imports in one transaction: the entities they introduce, their sheets and series,
 * and one `datasets` and `imports` row each. Either all of them land or none. `entityKind` is
 * recorded for every entity whose sheets or records the files hold, new or already known.
 */
export async function writeImports(
  store: Store,
  list: readonly PreparedImport[],
  onProgress?: Progress,
  entityKind?: EntityKind,
): Promise<void> {
  // A position or observation written twice (in one file, or beside what is stored) is refused by
  // the store's own check, naming the file and row (src/store/unique.ts).
  const known = new Set((await listEntities(store)).map((e) => e.id));
  await store.transaction(async () => {
    let done = 0;
    for (const p of list) {
      onProgress?.(done, list.length, `writing ${basename(p.file)}`);
      for (const info of p.parsed.entityInfo ?? [])
        if (!known.has(info.id)) {
          await saveEntity(store, info);
          known.add(info.id);
        }
      for (const [id, currency] of p.parsed.entities)
        if (!known.has(id)) {
          await saveEntity(store, {
            id,
            name: { en: id, zh: id },
            kind: null,
            sector: null,
            country: "",
            homeCurrency: currency,
          });
          known.add(id);
        }
      if (entityKind)
        for (const id of entitiesOf(p.parsed))
          await store.run("update entities set kind = $2, sector = coalesce(sector, $3) where id = $1", [
            id,
            entityKind,
            sectorOfKind(entityKind),
          ]);
      // saveSeries binds an empty list as a list of ANY, which DuckDB refuses: skip empty writes.
      if (p.staged)
        await saveStagedSheets(
          store,
          p.staged.sheets,
          { path: p.staged.path, file: p.file },
          p.vintage,
          p.dataset,
        );
      else if (p.parsed.sheets.length > 0) await saveSheets(store, p.parsed.sheets, p.vintage, p.dataset);
      if (p.parsed.series.length > 0) await saveSeries(store, p.parsed.series);
      await store.run(
        "insert or replace into datasets values ($1, $2, 'user import', $3, $4, 'as imported', false, $5, current_timestamp)",
        [p.dataset, `import of ${p.file}`, p.file, p.vintage, p.sha256.slice(0, 16)],
      );
      await store.run(
        "insert or replace into imports values ($1, $2, $3, $4, $5, $6, $7, current_timestamp)",
        [
          `${p.dataset}@${p.vintage}`,
          p.dataset,
          p.file,
          p.sha256,
          p.mapping.name,
          p.vintage,
          (p.staged?.rows ?? 0) +
            p.parsed.sheets.reduce((n, s) => n + s.positions.length, 0) +
            p.parsed.series.reduce((n, s) => n + s.observations.length, 0),
        ],
      );
      onProgress?.(++done, list.length, `writing ${basename(p.file)}`);
    }
  });
}

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

/**
 * Writes one bundled dataset in one transaction: its entity rows, its sheets under the dataset's vintage, its series
 * replacing the dataset's earlier ones, its `datasets` row and the stat key of its files.
 */
export async function writeBundled(
  store: Store,
  info: DatasetInfo,
  content: { entities?: readonly Entity[]; sheets?: readonly BalanceSheet[]; series?: readonly Series[] },
  statKey: string,
): Promise<void> {
  await store.transaction(async () => {
    for (const e of content.entities ?? []) await saveEntity(store, e);
    await saveSheets(store, content.sheets ?? [], info.vintage, info.id);
    await replaceDatasetSeries(store, info.id, content.series ?? []);
    await recordDataset(store, info);
    await store.run("insert or replace into bundled_files values ($1, $2)", [info.id, statKey]);
  });
}
