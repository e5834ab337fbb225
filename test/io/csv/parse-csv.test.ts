import { describe, expect, it } from "vitest";

import { parseCsv, parseNumberCell } from "../../../src/io/csv/parse-csv.ts";

describe("parseCsv (RFC 4180)", () => {
  it("handles BOM, CRLF, quotes, embedded separators, line breaks and doubled quotes", () => {
    const text = '\ufeffa,b,c\r\n"1,5","say ""hi""","x\ny"\r\n,2,\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["1,5", 'say "hi"', "x\ny"],
      ["", "2", ""],
    ]);
  });

  it("keeps a last row without a line break", () => {
    expect(parseCsv("a\n1")).toEqual([["a"], ["1"]]);
  });

  it("reports an unterminated quote with file and row", () => {
    expect(() => parseCsv('a\n"x,1\n', { fileName: "f.csv" })).toThrow(
      /^f\.csv: row 2: unterminated quoted field \(add the closing '"'\)$/,
    );
  });

  it("parses number cells: missing markers are null, junk is undefined", () => {
    expect([".", "NA", "", "..", "1.5", " -2 ", "abc"].map(parseNumberCell)).toEqual([
      null,
      null,
      null,
      null,
      1.5,
      -2,
      undefined,
    ]);
  });
});
