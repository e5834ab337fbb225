import { afterEach, describe, expect, it } from "vitest";

import { SCHEMA_VERSION } from "../../src/store/schema.ts";
import { BUNDLED, ensureBundled } from "../../src/ingest/index.ts";
import { loadSheets } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { defaultDbPath } from "../../src/store/paths.ts";
import { tempDbPath } from "../helpers/temp-store.ts";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function fresh(): Promise<Store> {
  const db = tempDbPath();
  const store = await Store.open({ path: db.path });
  cleanups.push(() => (store.close(), db.cleanup()));
  return store;
}

describe("store", () => {
  it("creates and migrates a new file to the current schema version", async () => {
    const store = await fresh();
    expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
  });

  it("loads the bundled data once; a second call loads nothing", async () => {
    const store = await fresh();
    expect(await ensureBundled(store)).toEqual(BUNDLED.map((d) => d.id));
    expect(await ensureBundled(store)).toEqual([]);
    const sheets = await loadSheets(store, "pboc", "2002-12", "2013-12");
    expect(sheets.map((s) => s.date).filter((d) => d.endsWith("-12"))).toHaveLength(12);
    expect(sheets[0]!.date).toBe("2002-12");
  });

  it("files with new timestamps but the same content (a fresh checkout) are not reloaded", async () => {
    const store = await fresh();
    await ensureBundled(store);
    const keys = await store.all("select * from bundled_files order by dataset");
    await store.run("update bundled_files set stat_key = 'stale'");
    expect(await ensureBundled(store)).toEqual([]);
    expect(await store.all("select * from bundled_files order by dataset")).toEqual(keys);
  });

  it("a transaction that throws leaves nothing behind", async () => {
    const store = await fresh();
    await expect(
      store.transaction(async () => {
        await store.run("insert into entities values ('x', 'x', 'x', null, 'CN', 'CNY', 'central-bank')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.all("select * from entities")).toEqual([]);
  });

  it("the default path honours BSLAB_DB, then XDG_DATA_HOME", () => {
    expect(defaultDbPath({ BSLAB_DB: "/x/y.duckdb" }, "linux")).toBe("/x/y.duckdb");
    expect(defaultDbPath({ XDG_DATA_HOME: "/data" }, "linux")).toBe("/data/bslab/bslab.duckdb");
  });
});
