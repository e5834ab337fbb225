import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ensureBundled } from "../../src/store/bundled.ts";
import { Store } from "../../src/store/store.ts";

/** A fresh database file in a temporary folder; `cleanup` removes it. */
export function tempDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bslab-test-"));
  return { path: join(dir, "test.duckdb"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store with the bundled data loaded, for tests that read it. */
export async function bundledStore(): Promise<{ store: Store; cleanup: () => void }> {
  const db = tempDbPath();
  const store = await Store.open({ path: db.path });
  await ensureBundled(store);
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
