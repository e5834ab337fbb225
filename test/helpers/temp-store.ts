import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { inject } from "vitest";

import { Store } from "../../src/store/store.ts";

/** A fresh database file in a temporary folder; `cleanup` removes it. */
export function tempDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bslab-test-"));
  return { path: join(dir, "test.duckdb"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh copy of the run's template database, which already holds the bundled data. */
export function seededDbPath(): { path: string; cleanup: () => void } {
  const db = tempDbPath();
  copyFileSync(inject("templateDb"), db.path);
  return db;
}

/** A store with the bundled data loaded, for tests that read it. */
export async function bundledStore(): Promise<{ store: Store; cleanup: () => void }> {
  const db = seededDbPath();
  const store = await Store.open({ path: db.path });
  return { store, cleanup: () => (store.close(), db.cleanup()) };
}

/** Every row of every table, for before/after comparisons. */
export async function snapshot(store: Store): Promise<string> {
  const tables = ["entities", "sheets", "positions", "series", "observations", "datasets", "imports"];
  const parts: string[] = [];
  for (const t of tables)
    parts.push(
      JSON.stringify(await store.all(`select * from ${t} order by all`), (_k, v: unknown) =>
        v instanceof Date ? v.toISOString() : v,
      ),
    );
  return parts.join("\n");
}
