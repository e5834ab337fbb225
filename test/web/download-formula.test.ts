import { describe, expect, it } from "vitest";

import { sheetjs } from "../../src/io/xlsx/sheetjs.ts";
import { toCsv } from "../../web/src/download.ts";
import { xlsxOf } from "../../web/src/xlsx.ts";

// The example of a formula an imported item name could carry (CSV injection in Excel).
const EVIL = "=cmd|' /C calc'!A0";

describe("the web app's downloads never hand a spreadsheet a formula", () => {
  it("CSV: text starting with = + - @ tab or CR gets a leading quote; numbers and plain numbers do not", () => {
    const csv = toCsv(
      ["item", "value", "note"],
      [
        [EVIL, -3, "-"],
        ["+1+1", 1e-7, "@SUM(A1:A2)"],
        ["\t=1", "-2.5", "\r=1"],
        ["loans", 20, null],
      ],
    );
    expect(csv).toBe(
      [
        "item,value,note",
        "'=cmd|' /C calc'!A0,-3,-",
        "'+1+1,1e-7,'@SUM(A1:A2)",
        `'\t=1,-2.5,"'\r=1"`,
        "loans,20,",
        "",
      ].join("\n"),
    );
  });

  it("XLSX: such text is a plain text cell (an inline string), never a formula", () => {
    const bytes = xlsxOf("t", [
      ["item", "value"],
      [EVIL, -3],
      ["@SUM(A1:A2)", 2],
    ]);
    const wb = sheetjs().read(bytes, { type: "array", cellFormula: true });
    const sheet = wb.Sheets[wb.SheetNames[0]!]!;
    expect(sheet.A2).toMatchObject({ t: "s", v: EVIL });
    expect(sheet.A3).toMatchObject({ t: "s", v: "@SUM(A1:A2)" });
    expect(sheet.B2).toMatchObject({ t: "n", v: -3 });
    for (const ref of ["A2", "A3", "B2", "B3"]) expect(sheet[ref]).not.toHaveProperty("f");
  });
});
