import { afterAll, describe, expect, it } from "vitest";

import { toCsv } from "../../src/cli/output.ts";
import { csvField, unescapeFormula } from "../../src/io/export/csv-field.ts";
import { seriesToSdmxCsv, sheetsToSdmxCsv } from "../../src/io/export/sdmx.ts";
import { sheetsToCsv } from "../../src/io/export/tidy-csv.ts";
import { readSdmxCsv } from "../../src/io/sdmx/read-sdmx-csv.ts";
import type { Series } from "../../src/model/series.ts";
import { importText } from "../../src/ingest/import.ts";
import { loadSheets } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { tempDbPath } from "../helpers/temp-store.ts";

const EVIL = "=cmd|' /C calc'!A0";

describe("CSV export guards against spreadsheet formulas", () => {
  it("text with a leading = + - @ tab or CR gets a quote; numbers and plain numbers do not", () => {
    expect(csvField(EVIL)).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField(-2.5)).toBe("-2.5");
    expect(csvField(1e-7)).toBe("1e-7");
    expect(csvField("-2.5")).toBe("-2.5");
    expect(csvField("+3")).toBe("+3");
    expect(csvField("-1.5e3")).toBe("-1.5e3");
    expect(csvField("loans")).toBe("loans");
    expect(csvField("-")).toBe("-");
    expect(csvField("a=b")).toBe("a=b");
    expect(unescapeFormula("'=1+1")).toBe("=1+1");
    expect(unescapeFormula("'quoted")).toBe("'quoted");
  });

  it("the CLI's --format csv is guarded too", () => {
    expect(toCsv([{ item: EVIL, value: -3 }])).toBe("item,value\n'=cmd|' /C calc'!A0,-3\n");
  });

  const db = tempDbPath();
  afterAll(() => db.cleanup());

  it("an imported item named like a formula is exported guarded and imports back as it was", async () => {
    const store = await Store.open({ path: db.path });
    try {
      const csv = [
        "entity,date,item,side,currency,maturity,value,unit",
        `bank1,2024-12,"${EVIL.replace(/"/g, '""')}",asset,EUR,long,-10,EUR millions`,
        "bank1,2024-12,@loans,asset,EUR,long,20,EUR millions",
        "bank1,2024-12,deposits,liability,EUR,short,10,EUR millions",
      ].join("\n");
      await importText(store, csv, "evil.csv", { vintage: "2026-01-01" });
      const sheets = await loadSheets(store, "bank1");
      const out = sheetsToCsv(sheets);
      expect(out).toContain(`,'${EVIL},`);
      expect(out).toContain(",'@loans,");
      expect(out).not.toMatch(/(^|,)[=@]/m);
      // Numbers stay numbers.
      expect(out).toMatch(/,-10,/);
      const again = tempDbPath();
      const other = await Store.open({ path: again.path });
      try {
        await importText(other, out, "again.csv", { vintage: "2026-02-01" });
        const back = await loadSheets(other, "bank1");
        const items = (ss: typeof sheets) => ss.flatMap((s) => s.positions.map((p) => [p.item, p.value]));
        expect(items(back).sort()).toEqual(items(sheets).sort());
      } finally {
        other.close();
        again.cleanup();
      }
    } finally {
      store.close();
    }
  });
});

describe("SDMX-CSV export guards against spreadsheet formulas", () => {
  // Every field of a CSV line, unquoted, for checking what a spreadsheet would see first.
  const fields = (csv: string) =>
    csv
      .trimEnd()
      .split("\n")
      .slice(1)
      .flatMap((line) => readSdmxLine(line));
  const readSdmxLine = (line: string) =>
    (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
      .map((f) => f.replace(/,$/, ""))
      .map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));

  it("series: an id, entity, unit or title starting with = + - @ tab or CR gets a quote, and reads back as it was", () => {
    const series: Series = {
      id: "@evil",
      entity: "+XX",
      name: EVIL,
      frequency: "A",
      unit: "-USD+1",
      scale: 6,
      dataset: "\t=1",
      file: "x.csv",
      vintage: "2026-01-01",
      observations: [
        { date: "2020", value: -2.5 },
        { date: "2021", value: 3 },
      ],
    };
    const csv = seriesToSdmxCsv([series]);
    expect(fields(csv).filter((f) => /^[=+\-@\t\r]/.test(f) && !/^-?\d/.test(f))).toEqual([]);
    expect(csv).toContain(`,'${EVIL.replace(/"/g, '""')},`);
    // Numbers stay numbers.
    expect(csv.split("\n")[1]).toMatch(/,2020,-2\.5,/);
    const back = readSdmxCsv(csv, "back.csv").observations[0]!;
    expect(back.key).toMatchObject({ SERIES: "@evil", REF_AREA: "+XX" });
    expect(back.attributes).toMatchObject({ TITLE: EVIL, UNIT_MEASURE: "-USD+1", SOURCE: "\t=1: x.csv" });
    expect(back.value).toBe(-2.5);
  });

  const db = tempDbPath();
  afterAll(() => db.cleanup());

  it("balance sheets: items named like formulas are exported guarded and import back as they were", async () => {
    const store = await Store.open({ path: db.path });
    try {
      const csv = [
        "entity,date,item,side,currency,maturity,value,unit",
        `bank2,2024-12,"${EVIL.replace(/"/g, '""')}",asset,EUR,long,-10,EUR millions`,
        "bank2,2024-12,@loans,asset,EUR,long,20,EUR millions",
        "bank2,2024-12,+deposits,liability,EUR,short,10,EUR millions",
      ].join("\n");
      await importText(store, csv, "evil2.csv", { vintage: "2026-01-01" });
      const sheets = await loadSheets(store, "bank2");
      const out = sheetsToSdmxCsv(sheets);
      expect(fields(out).filter((f) => /^[=+@\t\r]/.test(f))).toEqual([]);
      expect(out).toContain(",'@loans,");
      expect(out).toContain(",'+deposits,");
      const again = tempDbPath();
      const other = await Store.open({ path: again.path });
      try {
        await importText(other, out, "again.sdmx.csv", { vintage: "2026-02-01" });
        const back = await loadSheets(other, "bank2");
        const items = (ss: typeof sheets) => ss.flatMap((s) => s.positions.map((p) => [p.item, p.value]));
        expect(items(back).sort()).toEqual(items(sheets).sort());
      } finally {
        other.close();
        again.cleanup();
      }
    } finally {
      store.close();
    }
  });
});
