import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { vintageKey } from "../../src/model/series.ts";
import { listSeries, loadLatestSeries, loadSeries, saveSeries } from "../../src/store/series.ts";
import { Store } from "../../src/store/store.ts";
import { tempDbPath } from "../helpers/temp-store.ts";

// Stores from before 0.1.1 hold BIS series under "BIS download of 2026 (...)": as plain text that
// sorts after every ISO date, so a later fetch ("2026-03-01") would lose to it.
const OLD = "BIS download of 2025-11-20 (data.bis.org)";
const NEW = "2026-03-01";
const base = { entity: "JP", name: "gap", frequency: "Q" as const, unit: "pp", scale: 0, dataset: "bis" };

describe("latest vintage of a series", () => {
  let store: Store;
  let cleanup: () => void;
  beforeAll(async () => {
    const db = tempDbPath();
    store = await Store.open({ path: db.path });
    cleanup = () => (store.close(), db.cleanup());
    await saveSeries(store, [
      { ...base, id: "BIS/JP", vintage: OLD, file: "old.csv", observations: [{ date: "2013-Q4", value: 1 }] },
      { ...base, id: "BIS/JP", vintage: NEW, file: "new.csv", observations: [{ date: "2013-Q4", value: 2 }] },
    ]);
  });
  afterAll(() => cleanup());

  it("is the greatest by vintageKey, not by plain text", () => {
    expect(OLD > NEW).toBe(true);
    expect(vintageKey(NEW) > vintageKey(OLD)).toBe(true);
  });

  it("loadSeries, listSeries and loadLatestSeries agree on it", async () => {
    expect((await loadSeries(store, "BIS/JP"))!.observations).toEqual([{ date: "2013-Q4", value: 2 }]);
    expect((await listSeries(store, { entity: "JP" })).map((s) => s.vintage)).toEqual([NEW]);
    expect((await loadLatestSeries(store, ["BIS/JP"]))[0]!.vintage).toBe(NEW);
    const view = await store.all<{ vintage: string }>(
      "select vintage from latest_series where id = 'BIS/JP'",
    );
    expect(view.map((r) => r.vintage)).toEqual([NEW]);
  });

  it("a vintage asked for by name is still that one", async () => {
    expect((await loadSeries(store, "BIS/JP", OLD))!.observations[0]!.value).toBe(1);
  });
});
