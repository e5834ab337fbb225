import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";

import { DataError, NotFoundError } from "../errors.ts";
import { saveSeries } from "../store/series.ts";
import { listEntities, saveEntity, saveSheets } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import type { Mapping, ParsedImport } from "./mappings.ts";
import { headerOf, MAPPINGS } from "./mappings.ts";

/** Files larger than this are refused before reading: bslab imports tables, not dumps. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ImportResult {
  file: string;
  mapping: string;
  dataset: string;
  vintage: string;
  sheets: number;
  positions: number;
  series: number;
  observations: number;
}

function pickMapping(name: string | undefined, header: readonly string[], file: string): Mapping {
  if (name) {
    const m = MAPPINGS.find((x) => x.name === name);
    if (!m)
      throw new NotFoundError(
        `unknown mapping ${JSON.stringify(name)} (known: ${MAPPINGS.map((x) => x.name).join(", ")})`,
      );
    return m;
  }
  const m = MAPPINGS.find((x) => x.detect(header));
  if (!m) {
    throw new DataError(
      `${file}: row 1: header matches no known layout: ${header.join(",")} (use --mapping; known: ${MAPPINGS.map((x) => x.name).join(", ")})`,
      { place: { file, row: 1 } },
    );
  }
  return m;
}

/** Decodes bytes as UTF-8, refusing text that is not (a GBK export must be converted first). */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new DataError(
      `${file}: not valid UTF-8 text (save it as UTF-8; GBK/GB18030 exports must be converted)`,
      { cause, place: { file } },
    );
  }
}

/**
 * Parses and validates the whole text first, then writes it in one transaction: a bad file changes
 * nothing already stored.
 */
export async function importText(
  store: Store,
  text: string,
  file: string,
  options: { mapping?: string; vintage?: string } = {},
): Promise<ImportResult> {
  const mapping = pickMapping(options.mapping, headerOf(text, file), file);
  const known = new Map((await listEntities(store)).map((e) => [e.id, e.homeCurrency]));
  const parsed: ParsedImport = mapping.read(text, {
    file,
    homeCurrencies: known,
    today: options.vintage ?? new Date().toISOString().slice(0, 10),
  });
  const sha256 = createHash("sha256").update(text).digest("hex");
  await store.transaction(async () => {
    for (const [id, currency] of parsed.entities) {
      if (!known.has(id))
        await saveEntity(store, {
          id,
          name: { en: id, zh: id },
          sector: null,
          country: "",
          homeCurrency: currency,
        });
    }
    await saveSheets(store, parsed.sheets, parsed.vintage, parsed.dataset);
    await saveSeries(store, parsed.series);
    await store.run(
      "insert or replace into datasets values ($1, $2, 'user import', $3, $4, 'as imported', false, $5, current_timestamp)",
      [parsed.dataset, `import of ${file}`, file, parsed.vintage, sha256.slice(0, 16)],
    );
    await store.run("insert or replace into imports values ($1, $2, $3, $4, $5, $6, $7, current_timestamp)", [
      `${parsed.dataset}@${parsed.vintage}`,
      parsed.dataset,
      file,
      sha256,
      mapping.name,
      parsed.vintage,
      parsed.sheets.reduce((n, s) => n + s.positions.length, 0) +
        parsed.series.reduce((n, s) => n + s.observations.length, 0),
    ]);
  });
  return {
    file,
    mapping: mapping.name,
    dataset: parsed.dataset,
    vintage: parsed.vintage,
    sheets: parsed.sheets.length,
    positions: parsed.sheets.reduce((n, s) => n + s.positions.length, 0),
    series: parsed.series.length,
    observations: parsed.series.reduce((n, s) => n + s.observations.length, 0),
  };
}

/** Imports a file from disk (see {@link importText}). */
export async function importFile(
  store: Store,
  path: string,
  options: { mapping?: string; vintage?: string } = {},
): Promise<ImportResult> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new NotFoundError(`cannot read ${path}: no such file`, { cause });
  }
  if (size > MAX_IMPORT_BYTES)
    throw new DataError(
      `${path}: ${size} bytes is larger than the import limit of ${MAX_IMPORT_BYTES} bytes`,
      { place: { file: path } },
    );
  return importText(store, decodeUtf8(readFileSync(path), path), path, options);
}
