import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { call, multipart, testServer, type ErrorAnswer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

const HEADER = "entity,date,item,side,currency,maturity,value,unit";
const GOOD = `${HEADER}\nbank1,2024-12,loans,asset,EUR,long,10,EUR millions\nbank1,2024-12,deposits,liability,EUR,short,10,EUR millions\n`;
const BAD = [
  HEADER,
  "bank1,2024-12,loans,asset,EUR,long,10,EUR millions",
  "bank1,2024-12,deposits,liability,EUR,short,ten,EUR millions",
  "bank1,2024-12,bonds,sideways,EUR,long,5,EUR millions",
  "bank1,2024-12,equity,equity,EUR,long,5,EUR millions",
].join("\n");

interface PreviewAnswer {
  ok: boolean;
  mapping: string;
  header: string[];
  totalRows: number;
  errors: Array<{ row: number | null; column: string | null; message: string }>;
  summary: { entities: string[]; dates: string[] } | null;
}

const upload = (url: string, name: string, content: string | Buffer) => ({
  method: "POST" as const,
  url,
  ...multipart(name, content),
});

describe("imports", () => {
  it("GET /api/mappings lists the layouts", async () => {
    const r = await call<{ mappings: Array<{ name: string }> }>(server.app, "/api/mappings");
    expect(r.body.mappings.map((m) => m.name)).toContain("long");
  });

  it("preview of a good file: ok, with what it would import, and nothing written", async () => {
    const r = await call<PreviewAnswer>(server.app, upload("/api/imports/preview", "good.csv", GOOD));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, mapping: "long", totalRows: 2, errors: [] });
    expect(r.body.summary).toMatchObject({ entities: ["bank1"], dates: ["2024-12"] });
    expect((await call(server.app, "/api/entities/bank1/dates")).status).toBe(404);
  });

  it("preview of a bad file: every bad row with its column, in file order", async () => {
    const r = await call<PreviewAnswer>(server.app, upload("/api/imports/preview", "bad.csv", BAD));
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.errors.slice(0, 2)).toEqual([
      { row: 3, column: "value", message: 'bad.csv: row 3, column value: not a number: "ten"' },
      {
        row: 4,
        column: "side",
        message: 'bad.csv: row 4, column side: invalid side "sideways" (expected asset|liability|equity)',
      },
    ]);
  });

  it("commit of a bad file: 400 naming row and column, and nothing written", async () => {
    const r = await call<ErrorAnswer & { error: { place: unknown } }>(
      server.app,
      upload("/api/imports", "bad.csv", BAD),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('bad.csv: row 3, column value: not a number: "ten"');
    expect(r.body.error.place).toEqual({ file: "bad.csv", row: 3, column: "value" });
    expect((await call(server.app, "/api/entities/bank1/dates")).status).toBe(404);
  });

  it("commit of a good file: 201, and the sheet is served", async () => {
    const r = await call<{ sheets: number; positions: number }>(
      server.app,
      upload("/api/imports", "good.csv", GOOD),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ sheets: 1, positions: 2 });
    const sheet = await call<{ balanced: boolean }>(server.app, "/api/sheets/bank1/2024-12");
    expect(sheet.status).toBe(200);
    expect(sheet.body.balanced).toBe(true);
  });

  it("not multipart, non-UTF-8 text: 400 with a message", async () => {
    const json = await call<ErrorAnswer>(server.app, {
      method: "POST",
      url: "/api/imports",
      payload: { a: 1 },
    });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toBe("expected a multipart/form-data upload with a `file` field");
    const latin1 = await call<ErrorAnswer>(
      server.app,
      upload("/api/imports/preview", "latin1.csv", Buffer.from([0x65, 0x6e, 0x0a, 0x5a, 0xfc, 0x72, 0x0a])),
    );
    expect(latin1.status).toBe(400);
    expect(latin1.body.error.message).toMatch(/^latin1\.csv: row 2: byte 4: not valid UTF-8 text/);
  });

  it("a GBK CSV (Excel on Chinese Windows): the preview names the encoding, the commit imports it", async () => {
    const { encode } = await import("../helpers/gbk.ts");
    const csv = encode(
      "entity,date,item,side,currency,maturity,value,unit,label\n" +
        "gbkbank,2024-12,loans,asset,CNY,long,5,亿元,贷款\ngbkbank,2024-12,deposits,liability,CNY,short,5,亿元,存款\n",
    );
    const p = await call<PreviewAnswer & { encoding: string }>(
      server.app,
      upload("/api/imports/preview", "gbk.csv", csv),
    );
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ ok: true, encoding: "gb18030", mapping: "long" });
    const r = await call<{ encoding: string; positions: number }>(
      server.app,
      upload("/api/imports", "gbk.csv", csv),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ encoding: "gb18030", positions: 2 });
  });

  it("a PBoC workbook (.xls): the preview is a dry run that writes nothing; the commit imports it", async () => {
    const xls = readFileSync("data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls");
    const before = await call<{ datasets: Array<{ id: string }> }>(server.app, "/api/datasets");
    const p = await call<PreviewAnswer>(server.app, upload("/api/imports/preview", "pboc-2013.xls", xls));
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ ok: true, errors: [], summary: { sheets: 12 } });
    const after = await call<{ datasets: Array<{ id: string }> }>(server.app, "/api/datasets");
    expect(after.body.datasets).toEqual(before.body.datasets);
    const c = await call<{ sheets: number; dataset: string }>(
      server.app,
      upload("/api/imports", "pboc-2013.xls", xls),
    );
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ sheets: 12, dataset: "import:pboc-2013.xls" });
  });

  it("a damaged workbook: the preview lists the error; the commit is 400", async () => {
    const bad = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const p = await call<PreviewAnswer>(server.app, upload("/api/imports/preview", "broken.xlsx", bad));
    expect(p.status).toBe(200);
    expect(p.body.ok).toBe(false);
    expect(p.body.errors[0]!.message).toMatch(/broken\.xlsx/);
    const c = await call<ErrorAnswer>(server.app, upload("/api/imports", "broken.xlsx", bad));
    expect(c.status).toBeGreaterThanOrEqual(400);
    expect(c.status).toBeLessThan(500);
    expect(c.body.error.message).toMatch(/broken\.xlsx/);
  });

  it("an unknown mapping is 400", async () => {
    const r = await call<ErrorAnswer>(
      server.app,
      upload("/api/imports/preview?mapping=nope", "good.csv", GOOD),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(
      /^invalid querystring: \/mapping must be equal to one of the allowed values/,
    );
  });
});

describe("upload size limit", () => {
  it("a file over the limit is 413 with the limit in the message", async () => {
    // The template (bundled data loaded): a fresh file would load every dataset first.
    const db = seededDbPath();
    const app = await buildServer({
      dbPath: db.path,
      webRoot: "/nonexistent",
      fileLimit: 1000,
      idleCloseMs: 50,
    });
    try {
      const r = await call<ErrorAnswer>(
        app,
        upload("/api/imports/preview", "big.csv", HEADER + "\n" + "x".repeat(5000)),
      );
      expect(r.status).toBe(413);
      expect(r.body.error).toEqual({
        code: "too-large",
        message:
          "uploaded file is larger than the limit of 1000 bytes (import large files with `bslab import FILE`)",
      });
    } finally {
      await app.close();
      db.cleanup();
    }
  });
});
