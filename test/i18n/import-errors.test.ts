import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { call, multipart, testServer } from "../server/helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server?.cleanup());

// The import page sends its language with the preview and the import (web/src/pages/import.ts): the
// routes take ?lang, and a refused upload is answered in it. (A bad row's own message inside the
// preview is still English: the CSV readers build it as one English string; see the report.)
const BAD = [
  "entity,date,item,side,currency,maturity,value,unit",
  "bank1,2024-12,deposits,liability,EUR,short,ten,EUR millions",
].join("\n");

describe("import preview errors in the reader's language", () => {
  it("the preview takes ?lang=zh (as the page sends it) and still names file, row and column", async () => {
    const r = await call<{ errors: Array<{ row: number | null; column: string | null; message: string }> }>(
      server.app,
      { method: "POST", url: "/api/imports/preview?lang=zh", ...multipart("bad.csv", BAD) },
    );
    expect(r.status).toBe(200);
    expect(r.body.errors[0]).toMatchObject({ row: 2, column: "value" });
    expect(r.body.errors[0]!.message).toMatch(/^bad\.csv: /);
  });

  it("a refused preview (a layout that does not exist) is answered in Chinese with ?lang=zh", async () => {
    const r = await call<{ error: { message: string } }>(server.app, {
      method: "POST",
      url: "/api/imports/preview?lang=zh&mapping=nope",
      ...multipart("bad.csv", BAD),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^querystring 无效/);
  });
});
