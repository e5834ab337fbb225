import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import type { Store } from "../store/store.ts";

/**
 * A key that changes whenever the bundled data may need loading again: the build of the code
 * (dist/.sources.json: the state of the sources it was compiled from) and the path, size and
 * modification time of every file under the data folder. Undefined when running from the
 * TypeScript sources (there is no build to name), which always takes the loader's full check.
 * Reading it costs a few milliseconds; importing the loader and its readers costs far more.
 */
export function bundledCheckKey(dataDir: string): string | undefined {
  if (!import.meta.url.endsWith(".js")) return undefined;
  let build: string;
  try {
    build = readFileSync(new URL("../.sources.json", import.meta.url), "utf8");
  } catch {
    return undefined;
  }
  const hash = createHash("sha256").update(build).update(`\0${dataDir}\0`);
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${rel}${entry.name}/`);
      else {
        const st = statSync(path);
        hash.update(`${rel}${entry.name}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  try {
    walk(dataDir, "");
  } catch {
    return undefined;
  }
  return hash.digest("hex").slice(0, 32);
}

// The key is stored with the number of bundled datasets the store held then: a dataset removed
// from the store since makes the check fail, and the loader puts it back.
async function heldState(store: Store): Promise<{ key: string | null; held: number }> {
  const [row] = await store.all<{ key: string | null; held: bigint | number }>(
    `select (select value from meta where key = 'bundled_check') as key,
            (select count(*) from bundled_files b join datasets d on d.id = b.dataset) as held`,
  );
  return { key: row?.key ?? null, held: Number(row?.held ?? 0) };
}

/**
 * Whether the store is at `schemaVersion` and says it loaded the bundled data under `key` and still
 * holds all of it, in one query (each query costs milliseconds on a cold connection). False for a
 * file the query cannot run on (an older schema lacking a table, or not a bslab store): the caller
 * then opens it read-write, which migrates it or says what is wrong.
 */
export async function warmStore(store: Store, schemaVersion: number, key: string): Promise<boolean> {
  let row: { version: string | null; key: string | null; held: bigint | number } | undefined;
  try {
    [row] = await store.all<{ version: string | null; key: string | null; held: bigint | number }>(
      `select (select value from meta where key = 'schema_version') as version,
              (select value from meta where key = 'bundled_check') as key,
              (select count(*) from bundled_files b join datasets d on d.id = b.dataset) as held`,
    );
  } catch {
    return false;
  }
  return row?.version === String(schemaVersion) && row.key === `${key}:${Number(row.held)}`;
}

/** Whether the store says it loaded the bundled data under `key` and still holds all of it. */
export async function bundledUpToDate(store: Store, key: string): Promise<boolean> {
  const { key: stored, held } = await heldState(store);
  return stored === `${key}:${held}`;
}

/** Records that the bundled data under `key` is loaded (after the loader's full check). */
export async function rememberBundled(store: Store, key: string): Promise<void> {
  const { held } = await heldState(store);
  await store.run("insert or replace into meta values ('bundled_check', $1)", [`${key}:${held}`]);
}
