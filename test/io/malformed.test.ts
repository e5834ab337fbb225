import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importBytes, importFile, importFiles, importText } from "../../src/ingest/import.ts";
import { writeWorkbook } from "../../src/io/xlsx/write-workbook.ts";
import { Store } from "../../src/store/store.ts";
import { snapshot, tempDbPath } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
let dir: string;
let before: string;
beforeAll(async () => {
  const db = tempDbPath();
  store = await Store.open({ path: db.path });
  dir = mkdtempSync(join(tmpdir(), "bslab-malformed-"));
  cleanup = () => (store.close(), db.cleanup(), rmSync(dir, { recursive: true, force: true }));
  // Something already stored, so "unchanged" means something.
  await importText(store, "date,series,value,unit,scale\n2020,X,1,USD,6\n", "seed.csv", {
    vintage: "2026-01-01",
  });
  await importBytes(store, readFileSync(PBOC_XLS), PBOC_XLS, { vintage: "2026-01-01" });
  before = await snapshot(store);
});
afterAll(() => cleanup());

const PBOC_XLS = "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls";
const head = (file: string, lines: number) =>
  readFileSync(file, "utf8").split("\n").slice(0, lines).join("\n") + "\n";

async function refuses(work: () => Promise<unknown>, message: string | RegExp): Promise<void> {
  await expect(work()).rejects.toThrow(message);
  expect(await snapshot(store)).toBe(before);
}

const FRED = head("data/fred-us-monetary/M1SL.csv", 6);
const TWK = head("data/pboc-monetary-authority/twk2022_csv/monetary_authority_bs_2008_2022.csv", 4);
const H41 = head("data/fred-h41-fed-balance-sheet/FRB_H41_2016-02_2017-12.csv", 9);
const BIS = head("data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv", 4);
const SDMX =
  "DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nECB:ILM(1.0),W,U2,2013-12-27,2285399,6\nECB:ILM(1.0),W,U2,2014-01-03,2275000,6\n";

describe("truncated files", () => {
  it("a CSV cut inside its last row", () =>
    refuses(
      () => importText(store, TWK.slice(0, TWK.length - 40), "twk.csv"),
      "twk.csv: row 4: row has 14 cells, the header has 18 (truncated file?)",
    ));

  it("an SDMX-CSV cut inside its last row", () =>
    refuses(
      () => importText(store, SDMX.slice(0, -12), "x.csv"),
      "x.csv: row 3: row has 4 cells, the header has 6 (truncated file?)",
    ));

  it("a Fed data download cut inside its last row", () =>
    refuses(
      () => importText(store, H41.slice(0, H41.length - 200), "h41.csv"),
      /^h41\.csv: row 9: row has \d+ cells, the header has 121 \(truncated file\?\)$/,
    ));

  it("a CSV cut inside a quoted field", () =>
    refuses(
      () => importText(store, 'date,series,value,unit,scale\n2020,"X,1,USD,6\n', "q.csv"),
      "q.csv: row 2: unterminated quoted field (add the closing '\"')",
    ));

  it("an .xls workbook cut in half", () =>
    refuses(
      () => importBytes(store, readFileSync(PBOC_XLS).subarray(0, 20000), "half.xls"),
      /^half\.xls: not a readable \.xls\/\.xlsx workbook \(.*\); is the file complete\?$/,
    ));

  it("an .xlsx workbook cut in half", () => {
    const bytes = writeWorkbook([
      {
        name: "data",
        rows: [
          ["date", "series", "value", "unit", "scale"],
          ["2020", "Y", 1, "USD", 6],
        ],
      },
    ]);
    return refuses(
      () => importBytes(store, bytes.subarray(0, bytes.length >> 1), "half.xlsx"),
      "half.xlsx: not a readable .xls/.xlsx workbook (no zip central directory); is the file complete?",
    );
  });

  it("an empty file", () =>
    refuses(
      () => importBytes(store, new Uint8Array(0), "empty.csv"),
      "empty.csv: the file is empty (0 bytes)",
    ));
});

describe("wrong header", () => {
  it("a header no layout knows", () =>
    refuses(
      () => importText(store, "when,what,howmuch\n2020,x,1\n", "odd.csv"),
      /^odd\.csv: row 1: header matches no known layout: when, what, howmuch \(use --mapping; known: pboc-xls, .*\)$/,
    ));

  it("a forced layout whose columns are missing", () =>
    refuses(
      () => importText(store, "date,series,value,unit\n2020,X,1,USD\n", "s.csv", { mapping: "long-series" }),
      's.csv: row 1: missing column "scale" (header has: date, series, value, unit)',
    ));

  it("an xlsx whose first sheet has no known layout names the sheet", () =>
    refuses(
      () =>
        importBytes(
          store,
          writeWorkbook([
            {
              name: "Tabelle1",
              rows: [
                ["a", "b"],
                [1, 2],
              ],
            },
          ]),
          "t.xlsx",
        ),
      /^t\.xlsx \[Tabelle1\]: row 1: header matches no known layout: a, b/,
    ));

  it("an unknown --mapping", () =>
    refuses(
      () => importText(store, FRED, "f.csv", { mapping: "fredd" }),
      /^unknown mapping "fredd" \(known: pboc-xls, /,
    ));
});

describe("text in a number column", () => {
  // The readers of src/io/sources and src/io/pboc write "file, row N, column C" (errors.formatPlace);
  // the import layer writes "file: row N, column C".
  const cases: Array<[string, string, string, string]> = [
    [
      "FRED",
      FRED.replace("139.4", "139.4x"),
      "f.csv",
      'f.csv, row 3, column M1SL: not a number: "139.4x" (expected a number or an empty cell)',
    ],
    [
      "PBoC TWK2022",
      TWK.replace("337.24", "n/a?"),
      "t.csv",
      't.csv, row 2, column 货币黄金: not a number: "n/a?"',
    ],
    [
      "long series",
      "date,series,value,unit,scale\n2020,X,1O0,USD,6\n",
      "s.csv",
      's.csv: row 2, column value: not a number: "1O0" (expected a number or an empty cell)',
    ],
    [
      "SDMX-CSV",
      SDMX.replace("2275000", "2,275,000"),
      "x.csv",
      "x.csv: row 3: row has 8 cells, the header has 6 (an unquoted comma in a value?)",
    ],
    [
      "Fed data download",
      H41.replace("2016-02-03,11037", "2016-02-03,11O37"),
      "h.csv",
      'h.csv: row 7, column RESPPAG_N.WW: not a number: "11O37"',
    ],
    [
      "BIS csv_col",
      BIS.replace(/,(\d+\.\d+),/, ",abc,"),
      "WS_CREDIT_GAP_csv_col.csv",
      'WS_CREDIT_GAP_csv_col.csv, row 2, column 1964-Q4: not a number: "abc" (expected a number or an empty cell)',
    ],
  ];
  for (const [kind, text, file, message] of cases)
    it(kind, () => refuses(() => importText(store, text, file), message));

  it("PBoC layout workbook with a text cell: names sheet, row and column letter", () => {
    const rows: (string | number | null)[][] = [
      ["货币当局资产负债表"],
      [],
      [null, null, null, "单位：亿元人民币"],
      [],
      [],
      ["项目  Item", 2013.01, 2013.02],
      [],
      ["外汇  Foreign Exchange", 240184.99, "24O,000"],
    ];
    return refuses(
      () => importBytes(store, writeWorkbook([{ name: "Sheet1", rows }]), "pboc.xlsx"),
      'pboc.xlsx [Sheet1]: row 8, column C: not a number: "24O,000" (expected a number or an empty cell)',
    );
  });
});

describe("wrong encoding", () => {
  it("UTF-8 text that breaks later (a GBK pair after UTF-8 Chinese): refused naming row and byte", () =>
    refuses(
      () =>
        importBytes(
          store,
          Buffer.concat([Buffer.from("date,系列\n"), Buffer.from([0xc4, 0xe3]), Buffer.from(",1\n")]),
          "mixed.csv",
        ),
      "mixed.csv: row 2: byte 12: not valid UTF-8 text; the bytes look like GBK/GB18030 (save it as UTF-8; GBK/GB18030 and Latin-1 exports must be converted, e.g. iconv -f GBK -t UTF-8)",
    ));

  it("Latin-1 bytes where UTF-8 is expected", () =>
    refuses(
      () => importFile(store, "test/fixtures/malformed/fred-latin1.csv"),
      /^test\/fixtures\/malformed\/fred-latin1\.csv: row 4: byte \d+: not valid UTF-8 text; the bytes look like Latin-1\/Windows-1252/,
    ));
});

describe("size", () => {
  it("a 5 GB file is refused from its declared size before a byte is read (sparse file)", () => {
    const big = join(dir, "huge.csv");
    writeFileSync(big, "");
    truncateSync(big, 5 * 1024 ** 3);
    return refuses(
      () => importFile(store, big),
      `${big}: 5368709120 bytes is larger than the import limit of 268435456 bytes (split the file, or import a filtered extract)`,
    );
  });
});

describe("several files are all or nothing", () => {
  it("a good file and a bad one: neither is written", () => {
    const good = join(dir, "good.csv");
    const bad = join(dir, "bad.csv");
    writeFileSync(good, "date,series,value,unit,scale\n2021,Z,1,USD,6\n");
    writeFileSync(bad, "date,series,value,unit,scale\n2021,Z,oops,USD,6\n");
    return refuses(
      () => importFiles(store, [good, bad]),
      `${bad}: row 2, column value: not a number: "oops"`,
    );
  });
});
