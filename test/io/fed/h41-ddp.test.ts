import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { readFedH41Csv } from "../../../src/io/fed/h41-ddp.ts";
import { totalAssets, totalLiabilitiesAndEquity } from "../../../src/model/balance-sheet.ts";
import { checkSheet } from "../../../src/model/validate.ts";

const FILE = "data/fred-h41-fed-balance-sheet/FRB_H41_2016-02_2017-12.csv";
const sheets = readFedH41Csv(readFileSync(FILE, "utf8"), FILE);

describe("Fed H.4.1 Data Download reader", () => {
  it("reads 100 Wednesdays 2016-02-03 .. 2017-12-27 in USD millions", () => {
    expect(sheets).toHaveLength(100);
    expect(sheets[0]!.date).toBe("2016-02-03");
    expect(sheets[99]!.date).toBe("2017-12-27");
    expect(sheets[0]!.unit).toEqual({ currency: "USD", scale: 6 });
  });

  it("total assets 2016-02-03 = 4,483,495 = WALCL (data/SOURCES.md), with its source cell", () => {
    const t = sheets[0]!.positions.find((p) => p.item === "total_assets")!;
    expect(t.value).toBe(4483495);
    expect(t.source).toMatchObject({ file: FILE, row: 7 });
    expect(t.source.column).toMatch(/^RESPPMA_N\.WW/);
    expect(totalAssets(sheets[0]!)).toBe(4483495);
  });

  it("every week balances within USD 5 mn of rounding (2 of 100 weeks differ by 3): subtotals, side totals and assets = liabilities + capital", () => {
    for (const s of sheets) {
      const bad = checkSheet(s, { absolute: 5 }).filter((c) => !c.ok);
      expect(bad, `${s.date}`).toEqual([]);
      // Published lines are rounded to USD millions: parts may differ from the total by a few.
      expect(Math.abs(totalLiabilitiesAndEquity(s) - totalAssets(s))).toBeLessThanOrEqual(5);
    }
  });

  it("rejects an unknown series code, listing it", () => {
    const text = readFileSync(FILE, "utf8").replace(/RESPPAC_N\.WW/g, "RESPPZZ_N.WW");
    expect(() => readFedH41Csv(text, "x.csv")).toThrow(
      "x.csv: row 6: unknown H.4.1 series code(s) RESPPZZ_N.WW; add them to src/io/fed/h41-ddp.ts",
    );
  });

  it("rejects a file that is not a Data Download file", () => {
    expect(() => readFedH41Csv("Date,Value\n2016-01-01,1\n", "y.csv")).toThrow(
      /^y\.csv: not a Fed Data Download file/,
    );
  });
});
