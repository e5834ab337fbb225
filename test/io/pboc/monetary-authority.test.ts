import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import {
  buildPbocSheets,
  readPbocLongCsv,
  readPbocWideCsv,
} from "../../../src/io/pboc/monetary-authority.ts";
import { findPosition } from "../../../src/model/balance-sheet.ts";
import { checkSheet } from "../../../src/model/validate.ts";

const dir = "data/pboc-monetary-authority/";
const sheets = buildPbocSheets([
  ...readPbocLongCsv(readFileSync(dir + "monetary_authority_bs_long_2000_2020.csv", "utf8"), "long.csv"),
  ...readPbocWideCsv(
    readFileSync(dir + "twk2022_csv/monetary_authority_bs_2008_2022.csv", "utf8"),
    "twk.csv",
    "2021-01",
  ),
]);
const at = (date: string) => sheets.find((s) => s.date === date)!;

describe("PBoC Balance Sheet of Monetary Authority", () => {
  it("covers every month 2000-01 .. 2022-12", () => {
    expect(sheets).toHaveLength(276);
    expect(sheets[0]!.date).toBe("2000-01");
    expect(sheets.at(-1)!.date).toBe("2022-12");
  });

  it("2013-12 lines equal the PBoC's published figures (100 million yuan), each with its source row", () => {
    const s = at("2013-12");
    const expected = {
      foreign_exchange: [264270.04, 9],
      foreign_liabilities: [2088.27, 24],
      currency_issue: [64980.93, 20],
      total_assets: [317278.55, 18],
    };
    for (const [item, [value, row]] of Object.entries(expected)) {
      const p = findPosition(s, item)!;
      expect(p.value, item).toBe(value);
      expect(p.source).toEqual({
        dataset: "pboc-monetary-authority",
        file: "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls",
        row,
      });
    }
    expect(checkSheet(s).every((c) => c.ok)).toBe(true);
  });

  it("every month 2000-03 .. 2022-12 passes every check within 0.1", () => {
    const failures = sheets
      .filter((s) => s.date >= "2000-03")
      .flatMap((s) =>
        checkSheet(s)
          .filter((c) => !c.ok)
          .map((c) => `${s.date} ${c.item} ${c.difference}`),
      );
    expect(failures).toEqual([]);
  });

  it("2000-01 and 2000-02 are reported with the exact difference: the workbook's total leaves out bond issue (118.9)", () => {
    for (const date of ["2000-01", "2000-02"]) {
      const failed = checkSheet(at(date)).filter((c) => !c.ok);
      expect(failed.map((c) => [c.check, c.item, c.difference])).toEqual([
        ["side-total", "total_liabilities", -118.9],
        ["identity", "assets = liabilities + equity", 118.9],
      ]);
    }
  });

  it("the 2002-05 layout's stray deposit line is kept as a memo with a note, not added", () => {
    const s = at("2003-12");
    expect(findPosition(s, "deposits_of_other_depository_corporations")!.kind).toBe("memo");
    expect(findPosition(s, "deposits_of_financial_corporations")!.kind).toBe("item");
    expect(s.notes.map((n) => n.item)).toEqual(["row 33", "deposits_of_other_depository_corporations"]);
  });

  it("2021-22 come from the TWK2022 extract, with total assets left to the sum of items", () => {
    const s = at("2022-12");
    expect(findPosition(s, "total_assets")).toBeUndefined();
    expect(findPosition(s, "total_liabilities")!.value).toBe(416783.78);
    expect(findPosition(s, "currency_issue")!.source.file).toBe("twk.csv");
    expect(checkSheet(s).every((c) => c.ok)).toBe(true);
  });
});
