import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeWorkbook } from "../../src/io/xlsx/write-workbook.ts";
import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { call, multipart } from "../server/helpers.ts";

// A legitimate tidy workbook of 50 monthly series, 30,000 values: seconds of parsing on this
// machine, well within every workbook limit (cells, shared strings, inflated size).
const SERIES = 50;
const ROWS = 30_000;
function bigWorkbook(): Uint8Array {
  const rows: (string | number)[][] = [["date", "series", "value", "unit", "scale"]];
  for (let i = 0; i < ROWS; i++) {
    const month = Math.floor(i / SERIES);
    const date = `${1900 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    rows.push([date, `BIG${i % SERIES}`, (i % 997) + 0.25, "USD", 6]);
  }
  return writeWorkbook([{ name: "data", rows }]);
}

describe("a workbook upload is parsed off the request thread", () => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let db: { path: string; cleanup: () => void };
  let workbook: Buffer;
  beforeAll(async () => {
    workbook = Buffer.from(bigWorkbook());
    db = seededDbPath();
    app = await buildServer({ dbPath: db.path, webRoot: "/nonexistent-web-root", workers: 2 });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it("health and uncached sheet reads answer while the preview and the commit of a big .xlsx parse", async () => {
    const order: string[] = [];
    const send = (url: string) =>
      call<Record<string, unknown>>(app, { method: "POST", url, ...multipart("big.xlsx", workbook) }).then(
        (r) => (order.push(url), r),
      );
    const preview = send("/api/imports/preview");
    const commit = send("/api/imports");
    // Let both uploads reach their workers, then read. The sheets were never asked for on this
    // server, so they are read from the store (not the answer cache): while the parse held the
    // store, as it did on the request thread, they could only be answered after the import.
    await new Promise((r) => setTimeout(r, 200));
    for (const url of [
      "/api/health",
      "/api/sheets/pboc/2010-06",
      "/api/sheets/pboc/2011-06",
      "/api/health",
    ]) {
      const r = await call(app, url);
      expect(r.status, r.raw.slice(0, 200)).toBe(200);
      order.push(url);
    }
    const [p, c] = await Promise.all([preview, commit]);
    expect(order.slice(0, 4)).toEqual([
      "/api/health",
      "/api/sheets/pboc/2010-06",
      "/api/sheets/pboc/2011-06",
      "/api/health",
    ]);
    expect(p.status, p.raw.slice(0, 300)).toBe(200);
    expect(p.body).toMatchObject({
      ok: true,
      mapping: "xlsx",
      errors: [],
      summary: { series: SERIES, observations: ROWS },
    });
    expect(c.status, c.raw.slice(0, 300)).toBe(201);
    expect(c.body).toMatchObject({ mapping: "xlsx", series: SERIES, observations: ROWS, unchanged: false });
    // The write happened on the request side, once: the dataset is listed.
    const d = await call<{ datasets: Array<{ id: string }> }>(app, "/api/datasets");
    expect(d.body.datasets.filter((x) => x.id === "import:big.xlsx")).toHaveLength(1);
  }, 240_000);
});
