import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CsvRecordStream } from "../../../src/io/csv/csv-stream.ts";
import { parseCsv } from "../../../src/io/csv/parse-csv.ts";
import { referenceCsv } from "./reference-csv.ts";

/** Feeds `text` to a stream cut at `cuts` and returns the records it delivered. */
function streamed(text: string, cuts: number[]): string[][] {
  const out: string[][] = [];
  const rows: number[] = [];
  const s = new CsvRecordStream("f.csv", (cells, row) => {
    out.push(cells);
    rows.push(row);
  });
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    s.push(text.slice(at, c));
    at = c;
  }
  s.push(text.slice(at));
  s.end();
  expect(rows).toEqual(out.map((_, i) => i + 1));
  return out;
}

describe("CsvRecordStream", () => {
  it("gives the records an independent splitter gives, however the text is cut (generated texts)", () => {
    const piece = fc.constantFrom("a", "1", ",", '"', '""', "\n", "\r", "\r\n", " ", "中", "\ufeff");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join("")),
        fc.array(fc.nat(60), { maxLength: 6 }),
        (text, cuts) => {
          let expected: string[][] | Error;
          try {
            expected = referenceCsv(text, { fileName: "f.csv" });
          } catch (error) {
            expected = error as Error;
          }
          const bounded = cuts.map((c) => Math.min(c, text.length));
          if (expected instanceof Error) {
            expect(() => streamed(text, bounded)).toThrow(expected.message);
            expect(() => parseCsv(text, { fileName: "f.csv" })).toThrow(expected.message);
          } else {
            expect(streamed(text, bounded)).toEqual(expected);
            expect(parseCsv(text, { fileName: "f.csv" })).toEqual(expected);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("names the row of an unterminated quote, as parseCsv does", () => {
    expect(() => streamed('a\n1\n"x,\n2\n', [3, 7])).toThrow(
      /^f\.csv: row 3: unterminated quoted field \(add the closing '"'\)$/,
    );
  });

  it("refuses one record longer than 16 MB (an unterminated quote) before memory grows with the file", () => {
    const s = new CsvRecordStream("f.csv", () => undefined);
    s.push('a\n"');
    const piece = "x".repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 20; i++) s.push(piece);
    }).toThrow(
      `f.csv: row 2: one record runs on for more than 16 MB (an unterminated quoted field? add the closing '"')`,
    );
  });
});
