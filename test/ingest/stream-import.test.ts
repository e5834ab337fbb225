import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFile, importFilesReleasing, importText, STREAM_MIN_BYTES } from "../../src/ingest/import.ts";
import { readLongPositions } from "../../src/io/csv/long-positions.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { snapshot, tempDbPath } from "../helpers/temp-store.ts";

// A long CSV above the streaming threshold: 100 banks x 12 months x 96 lines (48 asset, 48
// liability of equal values, so every sheet balances), about 6 MB.
const HEADER = "entity,date,item,side,currency,maturity,value,unit,label,counterparty,interest_bearing\n";
function longCsv(): string[] {
  const lines: string[] = [];
  for (let b = 0; b < 100; b++)
    for (let m = 1; m <= 12; m++)
      for (let i = 0; i < 96; i++)
        lines.push(
          `bank${b},2013-${String(m).padStart(2, "0")},item${i},${i < 48 ? "asset" : "liability"},` +
            `${i % 5 === 0 ? "USD" : "CNY"},${i % 2 ? "short" : "long"},${((i % 48) * 1.25 + b).toFixed(2)},CNY 1e8,` +
            `${i === 3 ? '"Loans, to banks"' : ""},${i === 4 ? "S.11 S.14" : ""},${i % 3 === 0 ? "yes" : ""}\n`,
        );
  return lines;
}

let store: Store;
let dbPath: string;
let dir: string;
let cleanup: () => void;
let lines: string[];
let before: string;
beforeAll(async () => {
  const db = tempDbPath();
  dbPath = db.path;
  store = await Store.open({ path: db.path });
  dir = mkdtempSync(join(tmpdir(), "bslab-stream-"));
  cleanup = () => (store.close(), db.cleanup(), rmSync(dir, { recursive: true, force: true }));
  await importText(store, "date,series,value,unit,scale\n2020,X,1,USD,6\n", "seed.csv", {
    vintage: "2026-01-01",
  });
  lines = longCsv();
  before = await snapshot(store);
});
afterAll(() => cleanup());

/** Writes the generated rows with `edit` applied (0-based data line index) and returns the path. */
function file(name: string, edit: (rows: string[]) => void = () => undefined): string {
  const rows = [...lines];
  edit(rows);
  const path = join(dir, name);
  writeFileSync(path, HEADER + rows.join(""));
  return path;
}

/** The message the whole-text reader gives for the same file (the streamed one must equal it). */
async function wholeTextMessage(path: string): Promise<string> {
  const text = readFileSync(path, "utf8");
  try {
    await importText(store, text, path);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the whole-text import accepted the file");
}

async function refusesLikeWholeText(path: string, message: string): Promise<void> {
  await expect(importFile(store, path)).rejects.toThrow(message);
  expect(await wholeTextMessage(path)).toBe(message);
  expect(await snapshot(store)).toBe(before);
}

describe("streamed import of a big long CSV", () => {
  it("stores exactly what the whole-file reader reads, bulk-loaded by the store", async () => {
    const path = file("good.csv");
    expect(readFileSync(path).length).toBeGreaterThan(STREAM_MIN_BYTES);
    const r = await importFile(store, path, { vintage: "v1" });
    expect(r).toMatchObject({ mapping: "long", sheets: 1200, positions: 115200, encoding: "utf-8" });
    const expected = readLongPositions(readFileSync(path, "utf8"), path).sheets.find(
      (s) => s.entity === "bank7" && s.date === "2013-05",
    )!;
    const stored = await loadSheet(store, "bank7", "2013-05");
    expect(stored!.unit).toEqual({ currency: "CNY", scale: 8 });
    const byItem = (ps: typeof expected.positions) => [...ps].sort((a, b) => (a.item < b.item ? -1 : 1));
    expect(byItem(stored!.positions)).toEqual(byItem(expected.positions));
    await store.run("delete from positions where vintage = 'v1'; delete from sheets where vintage = 'v1'");
    await store.run(
      "delete from imports where vintage = 'v1'; delete from datasets where id = 'import:good.csv'",
    );
    await store.run("delete from entities where id like 'bank%'");
  });

  it("a bad last row is refused with its row and column; nothing is written", async () => {
    const path = file(
      "bad-last.csv",
      (rows) => (rows[rows.length - 1] = rows.at(-1)!.replace("CNY 1e8", "CNY 1e8x")),
    );
    await refusesLikeWholeText(
      path,
      `${path}: row 115201, column unit: unknown unit "CNY 1e8x" (write e.g. "CNY 1e8", "亿元", "USD millions")`,
    );
  });

  it("a position twice in one sheet is refused at the row that repeats it", async () => {
    const path = file("dup.csv", (rows) => (rows[5000] = rows[4990]!));
    await refusesLikeWholeText(
      path,
      `${path}: row 5002, column item: duplicate position "item94" for bank4 2013-04`,
    );
  });

  it("a duplicate before a bad row is the one reported, as when the file is read whole", async () => {
    const path = file("dup-then-bad.csv", (rows) => {
      rows[100] = rows[99]!;
      rows[200] = rows[200]!.replace(",asset,", ",assets,");
    });
    await refusesLikeWholeText(
      path,
      `${path}: row 102, column item: duplicate position "item3" for bank0 2013-02`,
    );
  });

  it("a short row anywhere comes first, as the whole-file check finds it first", async () => {
    const path = file("bad-then-short.csv", (rows) => {
      rows[10] = rows[10]!.replace(",long,", ",longish,");
      rows[90000] = "bank1,2013-01\n";
    });
    await refusesLikeWholeText(
      path,
      `${path}: row 90002: row has 2 cells, the header has 11 (truncated file?)`,
    );
  });

  it("a sheet that does not balance is refused naming it; nothing is written", async () => {
    const path = file("unbalanced.csv", (rows) => (rows[7] = rows[7]!.replace(",8.75,", ",9.75,")));
    await refusesLikeWholeText(
      path,
      `${path}: sheet bank0 2013-01 does not balance: assets = liabilities + equity 1411 vs 1410 (difference 1, tolerance 0.1); nothing was imported`,
    );
  });

  it("the CLI's import holds the database only to read what it needs and to write, not while reading the file", async () => {
    const path = file("released.csv");
    store.close();
    let open = false;
    const events: string[] = [];
    const opener = async <T>(work: (s: Store) => Promise<T>): Promise<T> => {
      const s = await Store.open({ path: dbPath });
      open = true;
      try {
        return await work(s);
      } finally {
        s.close();
        open = false;
      }
    };
    const [r] = await importFilesReleasing(opener, [path], {
      vintage: "v2",
      onProgress: (_d, _t, label) => events.push(`${label}: ${open ? "open" : "closed"}`),
    });
    expect(r!.positions).toBe(115200);
    expect(events[0]).toBe("reading released.csv: closed");
    expect(events.at(-1)).toBe("writing released.csv: open");
    store = await Store.open({ path: dbPath });
  });
});
