import { readdirSync, readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { readPbocLongCsv } from "../../../src/io/pboc/monetary-authority.ts";
import { readOdcWideCsv } from "../../../src/io/pboc/odc-item-map.ts";
import { readPbocSheet, readPbocWorkbook } from "../../../src/io/pboc/xls-workbook.ts";
import { readWorkbook } from "../../../src/io/xlsx/read-workbook.ts";
import { findPosition } from "../../../src/model/balance-sheet.ts";
import { checkSheet } from "../../../src/model/validate.ts";

const dir = "data/pboc-monetary-authority/raw_xls/";
const files = readdirSync(dir).sort();
const CNY_1E8 = { currency: "CNY", scale: 8 };
// Each workbook is parsed once for the whole file.
const books = new Map(files.map((f) => [f, readWorkbook(readFileSync(dir + f), dir + f)]));

describe("PBoC workbooks (.xls) read with sheet, row and column as source", () => {
  it("2013-12 monetary authority: foreign exchange 264,270.04 at Sheet1 row 9, column M; unit read from the 单位 line", () => {
    const f = "monetary_authority_bs_2013.xls";
    const r = readPbocWorkbook(books.get(f)!);
    expect(r.table).toBe("monetary-authority");
    expect(r.unitSource).toBe(`${dir}${f} [Sheet1] row 3, column D: 单位：亿元人民币`);
    const s = r.sheets.find((x) => x.date === "2013-12")!;
    expect(s.entity).toBe("pboc");
    expect(s.unit).toEqual(CNY_1E8);
    expect(findPosition(s, "foreign_exchange")).toMatchObject({
      value: 264270.04,
      source: { file: dir + f, sheet: "Sheet1", row: 9, column: "M" },
    });
    expect(findPosition(s, "total_assets")!.value).toBe(317278.55);
    expect(checkSheet(s).every((c) => c.ok)).toBe(true);
  });

  it("every numeric cell of the 21 monetary-authority workbooks equals the derived long CSV (5,811 cells: period, row, value)", () => {
    const long = readPbocLongCsv(
      readFileSync("data/pboc-monetary-authority/monetary_authority_bs_long_2000_2020.csv", "utf8"),
      "long.csv",
    );
    const fromXls = files
      .filter((f) => f.startsWith("monetary"))
      .flatMap((f) => readPbocSheet(books.get(f)!.sheet(), CNY_1E8).cells.map((c) => ({ ...c, f })));
    const key = (file: string, period: string, row: number) => `${file.split("/").pop()}|${period}|${row}`;
    const want = new Map(long.map((c) => [key(c.file, c.period, c.row), c.value]));
    const got = new Map(fromXls.map((c) => [key(c.f, c.period, c.row), c.value]));
    expect(got.size).toBe(5811);
    expect(got).toEqual(want);
  });

  it("the 2000 and 2001 workbooks print no unit line: refused unless the unit is stated", () => {
    const f = "monetary_authority_bs_2000.xls";
    expect(() => readPbocWorkbook(books.get(f)!)).toThrow(
      `${dir}${f}: sheet "Sheet1": no unit line (单位：...) in the first rows, so the scale is unknown (state it: --unit 亿元)`,
    );
    const r = readPbocWorkbook(books.get(f)!, { unit: CNY_1E8 });
    expect(r.unitSource).toBe("given by the caller (the sheet has no unit line)");
    expect(r.sheets).toHaveLength(12);
  });

  it("other depository corporations 2006-2020: entity pboc-odc, 180 months, every subtotal, side total and identity holds", () => {
    const odc = files
      .filter((f) => f.startsWith("other_depository"))
      .flatMap((f) => readPbocWorkbook(books.get(f)!).sheets);
    expect(odc).toHaveLength(180);
    expect(new Set(odc.map((s) => s.entity))).toEqual(new Set(["pboc-odc"]));
    const failures = odc.flatMap((s) =>
      checkSheet(s)
        .filter((c) => !c.ok)
        .map((c) => `${s.date} ${c.item} ${c.difference}`),
    );
    expect(failures).toEqual([]);
    // Seed check (data/SOURCES.md): ODC total assets 441,302.55 (2006-12) and 1,524,751.55 (2013-12).
    const at = (d: string) => odc.find((s) => s.date === d)!;
    expect(findPosition(at("2006-12"), "total_assets")!.value).toBe(441302.55);
    expect(findPosition(at("2013-12"), "total_assets")).toMatchObject({
      value: 1524751.55,
      source: { sheet: "Sheet1", row: 20, column: "M" },
    });
    expect(
      checkSheet(at("2013-12"))
        .filter((c) => c.check === "subtotal")
        .map((c) => c.item),
    ).toEqual([
      "reserve_assets",
      "liabilities_to_non_financial_sector",
      "deposits_in_broad_money",
      "deposits_excluded_from_broad_money",
    ]);
    // Renamed lines keep one key: 企业活期存款 (2006-10) and 单位活期存款 (2011-).
    expect(findPosition(at("2010-12"), "corporate_demand_deposits")!.label.zh).toBe("企业活期存款");
    expect(findPosition(at("2011-12"), "corporate_demand_deposits")!.label.zh).toBe("单位活期存款");
  });

  it("the TWK2022 ODC extract agrees with the workbooks 2008-2020 (blank = 0) except its repeated 其他负债 column (kept out, with a note)", () => {
    const twk = readOdcWideCsv(
      readFileSync(
        "data/pboc-monetary-authority/twk2022_csv/other_depository_corporations_bs_2008_2022.csv",
        "utf8",
      ),
      "odc.csv",
    );
    expect(twk).toHaveLength(180);
    const xls = new Map(
      files
        .filter((f) => f.startsWith("other_depository"))
        .flatMap((f) => readPbocWorkbook(books.get(f)!).sheets)
        .map((s) => [s.date, s]),
    );
    const diffs: string[] = [];
    for (const s of twk.filter((x) => x.date <= "2020-12")) {
      const w = xls.get(s.date)!;
      for (const p of s.positions) {
        const q = findPosition(w, p.item);
        // The workbooks leave a cell blank (an ideographic space) where the extract writes 0.
        if (!q && p.value === 0) continue;
        if (!q || Math.abs(q.value - p.value) > 0.005) diffs.push(`${s.date} ${p.item}`);
      }
    }
    expect(diffs).toEqual([]);
    expect(twk.every((s) => s.notes.some((n) => n.item === "other_liabilities"))).toBe(true);
    expect(findPosition(twk.at(-1)!, "other_liabilities")).toBeUndefined();
  });
});
