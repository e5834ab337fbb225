import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Store } from "../../src/store/store.ts";
import { snapshot } from "../helpers/temp-store.ts";
import { call, multipart, testServer, type ErrorAnswer } from "../server/helpers.ts";

// Malformed files generated here (no binaries in git), each uploaded through the API: one 400 in
// the error envelope with bslab's code, one line naming the file and its row, no NaN/Infinity,
// and every table of the store as it was. A first part of issue #16's 51-file corpus.
const LONG = "entity,date,item,side,currency,maturity,value,unit";
const SERIES = "date,series,value,unit,scale";
const good = (rows: string[]) => [LONG, ...rows].join("\n") + "\n";
const CORPUS: Array<{ file: string; body: string | Buffer; row: number | null }> = [
  { file: "text-in-number.csv", body: good(["b,2024-12,loans,asset,EUR,long,ten,EUR millions"]), row: 2 },
  { file: "hex.csv", body: `${SERIES}\n2020,X,0x10,USD,6\n`, row: 2 },
  { file: "overflow.csv", body: `${SERIES}\n2020,X,1e999,USD,6\n`, row: 2 },
  { file: "impossible-date.csv", body: good(["b,2013-02-31,loans,asset,EUR,long,1,EUR millions"]), row: 2 },
  { file: "year-zero.csv", body: good(["b,0000-01,loans,asset,EUR,long,1,EUR millions"]), row: 2 },
  { file: "bad-side.csv", body: good(["b,2024-12,loans,sideways,EUR,long,1,EUR millions"]), row: 2 },
  { file: "truncated.csv", body: `${LONG}\nb,2024-12,loans,asset,EUR`, row: 2 },
  { file: "open-quote.csv", body: `${SERIES}\n2020,"X,1,USD,6\n`, row: 2 },
  { file: "unknown-header.csv", body: "when,what,howmuch\n2020,x,1\n", row: 1 },
  { file: "whitespace.csv", body: "   \n\t\n", row: null },
  { file: "empty.csv", body: Buffer.alloc(0), row: null },
  { file: "bom-text-in-number.csv", body: `\ufeff${SERIES}\r\n2020,X,1O,USD,6\r\n`, row: 2 },
  { file: "mixed-endings.csv", body: `${SERIES}\r\n2020,X,1,USD,6\n2021,X,abc,USD,6\r\n`, row: 3 },
  { file: "formula-cell.csv", body: `${SERIES}\n2020,X,=1+1,USD,6\n`, row: 2 },
  { file: "cjk-number.csv", body: `${SERIES}\n2020,X,一百,USD,6\n`, row: 2 },
  {
    file: "duplicate-key.csv",
    body: good([
      "b,2024-12,loans,asset,EUR,long,1,EUR millions",
      "b,2024-12,loans,asset,EUR,long,1,EUR millions",
    ]),
    row: 3,
  },
  { file: "huge-field.csv", body: `${SERIES}\n2020,${"X".repeat(2_000_000)}x,abc,USD,6\n`, row: 2 },
  { file: "latin1.csv", body: Buffer.from(`${SERIES}\n2020,caf\xe9,abc,USD,6\n`, "latin1"), row: null },
];

let server: Awaited<ReturnType<typeof testServer>>;
let before: string;
const tables = async () => {
  const store = await Store.open({ path: server.dbPath, readOnly: true });
  try {
    return await snapshot(store);
  } finally {
    store.close();
  }
};
beforeAll(async () => {
  server = await testServer();
  await new Promise((r) => setTimeout(r, 200)); // the server's idle close releases the file
  before = await tables();
});
afterAll(() => server.cleanup());

describe("malformed corpus through the API", () => {
  for (const c of CORPUS)
    it(c.file, async () => {
      const r = await call<ErrorAnswer>(server.app, {
        method: "POST",
        url: "/api/imports",
        ...multipart(c.file, c.body),
      });
      expect(r.status, r.raw.slice(0, 300)).toBe(400);
      expect(["data", "parse", "usage"]).toContain(r.body.error.code);
      const message = r.body.error.message;
      expect(message.split("\n")).toHaveLength(1);
      expect(message).toContain(c.file);
      if (c.row !== null) expect(message).toMatch(new RegExp(`row ${c.row}\\b`));
      expect(r.raw).not.toMatch(/NaN|Infinity/);
    });

  it("the store is unchanged after every refusal", async () => {
    await new Promise((r) => setTimeout(r, 200));
    expect(await tables()).toBe(before);
  });
});
