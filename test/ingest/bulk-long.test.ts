import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { bulkLongPositions, scanPlain } from "../../src/ingest/bulk-long.ts";
import { streamPositions, type StreamedPositions } from "../../src/ingest/stream-file.ts";
import { MAPPINGS } from "../../src/io/mappings/index.ts";
import { readLongPositions } from "../../src/io/csv/long-positions.ts";
import { parseCsv } from "../../src/io/csv/parse-csv.ts";
import { saveStagedSheets } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";

// The bulk path (DuckDB parses, SQL checks) must store what the row-by-row reader stores and
// refuse a file with the row reader's first error, word for word; files DuckDB would read
// differently must be handed back (undefined) to the row-by-row reader.
const long = MAPPINGS.find((m) => m.name === "long")!;
const HEADER =
  "entity,date,item,side,currency,maturity,value,unit,label,counterparty,interest_bearing,kind,parent,instrument";

/** Two banks x 3 months; each sheet: a subtotal with two parts, three items, a total per side. */
function rows(): string[] {
  const out: string[] = [];
  for (const bank of ["bankA", "银行B"])
    for (const m of ["2013-01", "2013-02", "2013-03"]) {
      out.push(
        `${bank},${m},loans,asset,CNY,long,30.25,CNY 1e8,"Loans, to banks",S.11 S.14,yes,subtotal,,AF.4`,
        `${bank},${m},loans_a,asset,CNY,short,10.25,CNY 1e8,,S.11,,item,loans,`,
        `${bank},${m},loans_b,asset,USD,long,20,CNY 1e8,"multi\nline ""label""",,no,item,loans,`,
        `${bank},${m},fx,asset,foreign,unknown, 1e1 ,CNY 1e8,,,,item,,`,
        `${bank},${m},total_a,asset,CNY,,40.25,CNY 1e8,,,,total,,`,
        `${bank},${m},deposits,liability,CNY,short,"1,000.25",CNY 1e8,,S.2;S.11,Y,item,,AF.2`,
        `${bank},${m},capital,equity,CNY,long,-960,CNY 1e8,,,,item,,`,
        `${bank},${m},memo,liability,CNY,long,5,CNY 1e8,,,,memo,,`,
      );
    }
  return out;
}

let dir: string;
let store: Store;
let n = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bslab-bulk-"));
  store = await Store.open({ path: ":memory:" });
});
afterAll(() => (store.close(), rmSync(dir, { recursive: true, force: true })));

const ctx = (file: string) => ({
  file,
  dataset: "import:t",
  homeCurrencies: new Map([["bankA", "CNY"]]),
  today: "",
});

function write(text: string): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, text);
  return path;
}
const text = (lines: string[], eol = "\n") => [HEADER, ...lines].join(eol) + eol;
const headerOf = (path: string, t: string) => parseCsv(t, { fileName: path })[0]!;

async function bulk(path: string, t: string): Promise<StreamedPositions | undefined> {
  const work = mkdtempSync(join(dir, "w-"));
  return bulkLongPositions(path, path, headerOf(path, t), ctx(path), work);
}
async function rowByRow(path: string): Promise<StreamedPositions> {
  const work = mkdtempSync(join(dir, "w-"));
  return streamPositions(path, path, { ...long, rows: long.rows! }, ctx(path), work);
}
const messageOf = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: Error) => e.message,
  );

async function stored(s: StreamedPositions, path: string, vintage: string): Promise<unknown[]> {
  await store.transaction(() =>
    saveStagedSheets(store, s.sheets, { path: s.path, file: path }, vintage, "d"),
  );
  return store.all(`select * exclude (vintage) from positions where vintage = '${vintage}' order by all`);
}

describe("bulk import of a long CSV", () => {
  for (const eol of ["\n", "\r\n"])
    it(`stores exactly what the row-by-row reader stores (${JSON.stringify(eol)} line ends)`, async () => {
      // Cells keep line breaks in the file's own line end (a bare LF in a CRLF file goes row by row).
      const t = text(
        rows().map((r) => r.replace("\n", eol)),
        eol,
      );
      const path = write(t);
      const b = await bulk(path, t);
      expect(b).toBeDefined();
      const r = await rowByRow(path);
      expect(b!.rows).toBe(r.rows);
      expect(b!.sheets).toEqual(r.sheets);
      expect([...b!.entities]).toEqual([...r.entities]);
      expect(b!.sha256).toBe(r.sha256);
      const v = `v${n}`;
      const bulkRows = await stored(b!, path, `${v}b`);
      expect(bulkRows.length).toBe(48);
      expect(bulkRows).toEqual(await stored(r, path, `${v}r`));
    });

  // Each edit spoils the file; both readers must give the same first error.
  const edits: Array<[string, (l: string[]) => void]> = [
    ["a date not in the calendar", (l) => (l[9] = l[9]!.replace("2013-02", "2013-02-31"))],
    ["a hexadecimal value", (l) => (l[3] = l[3]!.replace(" 1e1 ", "0x10"))],
    ["a value beyond a double", (l) => (l[3] = l[3]!.replace(" 1e1 ", "1e309"))],
    ["an ambiguous thousands separator", (l) => (l[6] = l[6]!.replace("-960", '"1,000"'))],
    ["an unknown unit", (l) => (l[20] = l[20]!.replace("CNY 1e8", "CNY 1e8x"))],
    ["a unit that changes within a sheet", (l) => (l[21] = l[21]!.replace("CNY 1e8", "USD millions"))],
    ["an empty item", (l) => (l[30] = l[30]!.replace("capital", " "))],
    ["an unknown side", (l) => (l[2] = l[2]!.replace(",asset,", ",assets,"))],
    ["an unknown maturity", (l) => (l[1] = l[1]!.replace(",short,", ",shortish,"))],
    ["an unknown currency", (l) => (l[5] = l[5]!.replace(",CNY,", ",CN,"))],
    ["an unknown sector", (l) => (l[5] = l[5]!.replace("S.2;S.11", "S.99"))],
    ["an unknown instrument", (l) => (l[5] = l[5]!.replace("AF.2", "AF.99"))],
    ["an unknown kind", (l) => (l[7] = l[7]!.replace(",memo,,", ",note,,"))],
    ["a repeated position", (l) => (l[12] = l[8]!)],
    ["a repeat before a bad row", (l) => ((l[12] = l[10]!), (l[14] = l[14]!.replace(",asset,", ",x,")))],
    ["a bad row before a repeat", (l) => ((l[11] = l[11]!.replace(",long,", ",x,")), (l[14] = l[9]!))],
    [
      "a short row after a bad one",
      (l) => ((l[2] = l[2]!.replace(",asset,", ",x,")), (l[40] = "bankA,2013-01")),
    ],
    ["a side that does not balance", (l) => (l[6] = l[6]!.replace("-960", "-961"))],
    ["a subtotal that does not match its parts", (l) => (l[17] = l[17]!.replace("10.25", "10.5"))],
    ["a total that does not match its side", (l) => (l[36] = l[36]!.replace("40.25", "41"))],
    ["no rows", (l) => l.splice(0, l.length)],
  ];
  for (const [name, edit] of edits)
    it(`refuses ${name} with the row-by-row reader's message`, async () => {
      const lines = rows();
      edit(lines);
      const t = text(lines);
      const path = write(t);
      // The row-by-row reader's message; a repeat it leaves to the store's key, so the whole-text
      // reader's then.
      const streamed = await messageOf(rowByRow(path));
      const expected =
        streamed !== "accepted"
          ? streamed
          : await messageOf(Promise.resolve().then(() => readLongPositions(t, path)));
      expect(expected).not.toBe("accepted");
      expect(await messageOf(bulk(path, t))).toBe(expected);
    });

  it("skips whitespace-only lines as the reader does, and counts them as rows", async () => {
    const lines = rows();
    lines.splice(4, 0, "   ");
    lines[11] = lines[11]!.replace(",long,", ",x,");
    const t = text(lines);
    const path = write(t);
    const expected = await messageOf(rowByRow(path));
    expect(expected).toContain("row 13, column maturity");
    expect(await messageOf(bulk(path, t))).toBe(expected);
  });

  it("hands back files DuckDB would split differently from parseCsv", async () => {
    const cases = [
      text([...rows().slice(0, 3), "", ...rows().slice(3)]), // blank line (a record for parseCsv)
      text(rows()).replace("\n", "\r"), // a lone CR
      text(rows()).replace('"Loans, to banks"', '"Loans" to banks'), // text after a closing quote
      text(rows()).replace("S.11 S.14,yes,subtotal,,AF.4", "S.11 S.14,yes,subtotal,,AF.4,extra"), // a long row
      text(rows()).replace("bankA", "bank\u0001A"),
    ];
    for (const t of cases) expect(await bulk(write(t), t)).toBeUndefined();
    const gbk = Buffer.concat([Buffer.from(text(rows())), Buffer.from([0xd2, 0xf8, 0x0a])]);
    const path = join(dir, "gbk.csv");
    writeFileSync(path, gbk);
    expect(
      await bulkLongPositions(path, path, HEADER.split(","), ctx(path), mkdtempSync(join(dir, "w-"))),
    ).toBeUndefined();
  });

  it("the first pass finds blank lines and stray CRs across its 1 MiB pieces", () => {
    const at = (1 << 20) - 1;
    const filler = "x".repeat(at);
    for (const [t, plain] of [
      [`${filler}\n\n`, false],
      [`${filler}\r\r\n`, false],
      [`${filler}\n`, true],
      [`a\r\n${"x".repeat(at - 3)}\r\nb\r\n`, true],
      [`a\r\n${"x".repeat(at - 3)}\r\nb\n`, false],
    ] as const) {
      const path = write(t);
      expect(scanPlain(path).plain, JSON.stringify(t.slice(-6))).toBe(plain);
    }
  });
});
