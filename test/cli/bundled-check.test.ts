// The CLI skips loading the bundled-data loader when nothing changed since the store loaded the
// bundled data (src/cli/bundled-check.ts); a dataset gone from the store must still come back.
import { afterAll, describe, expect, it } from "vitest";

import { Store } from "../../src/store/store.ts";
import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ id: string }>).map((d) => d.id).sort();

describe("bundled-data check at CLI start-up", () => {
  const db = seededDbPath();
  afterAll(() => db.cleanup());

  it("remembers the check, and a dataset removed from the store is loaded again", async () => {
    const first = runCli(["datasets", "--format", "json"], db.path);
    expect(first.status).toBe(0);
    const all = ids(first.stdout);
    expect(all).toContain("shiller-us-market-and-housing");

    let store = await Store.open({ path: db.path });
    const [check] = await store.all<{ value: string }>("select value from meta where key = 'bundled_check'");
    expect(check?.value).toMatch(/^[0-9a-f]{32}:\d+$/);
    await store.run("delete from datasets where id = 'shiller-us-market-and-housing'");
    store.close();

    const again = runCli(["datasets", "--format", "json"], db.path);
    expect(again.status).toBe(0);
    expect(ids(again.stdout)).toEqual(all);
    store = await Store.open({ path: db.path });
    const [after] = await store.all<{ value: string }>("select value from meta where key = 'bundled_check'");
    store.close();
    expect(after?.value).toBe(check?.value);
  });

  it("a stale key (a new build, changed data files) is checked once and recorded, not checked every run", async () => {
    let store = await Store.open({ path: db.path });
    const [check] = await store.all<{ value: string }>("select value from meta where key = 'bundled_check'");
    await store.run("update meta set value = 'stale:0' where key = 'bundled_check'");
    store.close();

    expect(runCli(["sheet", "pboc", "2013-12", "--format", "csv"], db.path).status).toBe(0);
    store = await Store.open({ path: db.path, readOnly: true });
    const [after] = await store.all<{ value: string }>("select value from meta where key = 'bundled_check'");
    store.close();
    expect(after?.value).toBe(check?.value);
  });
});
