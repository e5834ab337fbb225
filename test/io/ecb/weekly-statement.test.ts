import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readEurosystemStatements } from "../../../src/io/ecb/weekly-statement.ts";
import { loadSeries } from "../../../src/store/series.ts";
import { loadSheet } from "../../../src/store/sheets.ts";
import type { Store } from "../../../src/store/store.ts";
import { bundledStore } from "../../helpers/temp-store.ts";

const LONG = "data/eurosystem-weekly-statements/eurosystem_wfs_long.csv";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await bundledStore()));
afterAll(() => cleanup());

const obs = async (id: string, date: string) =>
  (await loadSeries(store, id))?.observations.find((o) => o.date === date)?.value;

describe("Eurosystem weekly statements, from the loaded store (CHECKS.md)", () => {
  it("banknotes in circulation EUR 956.2 bn on 31 Dec 2013 (release commentary), named a commentary figure", async () => {
    expect(await obs("ECB/WFS_TEXT/L1", "2013-12-31")).toBe(956.2);
    const s = (await loadSeries(store, "ECB/WFS_TEXT/L1"))!;
    expect(s).toMatchObject({ entity: "ecb", unit: "EUR", scale: 9 });
    expect(s.name).toMatch(/commentary, EUR bn to 0\.1 bn; not a table value/);
  });

  it("net foreign-currency position A2+A3-L7-L8-L9 EUR 201.4 bn on 31 Dec 2013", async () => {
    expect(await obs("ECB/WFS_TEXT/A2+A3-L7-L8-L9", "2013-12-31")).toBe(201.4);
  });

  it("opening statement 1 Jan 2014: gold 303,156 (Latvia joined; the 302,940 of 31 Dec 2013 plus Latvijas Banka), partial and said", async () => {
    const s = (await loadSheet(store, "ecb", "2014-01-01"))!;
    const gold = s.positions.find((p) => p.item === "A1")!;
    expect(gold).toMatchObject({ value: 303156, instrument: "AF.11", currency: "XAU" });
    expect(gold.source.url).toBe("http://zentral-bank.eu/press/pr/wfs/2014/html/fs140101.en.html");
    expect(s.notes[0]!.message).toMatch(
      /^partial: the stored copy of the statement was cut off \(excerpt ends at asset item 5\.3\)/,
    );
    const a2 = s.positions.find((p) => p.item === "A2")!;
    expect(a2.kind).toBe("subtotal");
    expect(s.positions.filter((p) => p.parent === "A2").reduce((a, p) => a + p.value, 0)).toBe(a2.value);
  });

  it("2021-12-31: total assets 8,566,372; the ECB's rounding differences are noted, not fixed", async () => {
    const s = (await loadSheet(store, "ecb", "2021-12-31"))!;
    expect(s.positions.find((p) => p.item === "total_assets")!.value).toBe(8566372);
    expect(s.notes.find((n) => n.item === "A7")).toMatchObject({ difference: -1 });
    expect(s.positions.find((p) => p.item === "L1")).toMatchObject({ value: 1544386, instrument: "AF.21" });
  });

  it("every TEXT row of the long file equals the text-figures file x 1000 (so reading the latter loses nothing)", async () => {
    const { textRows } = readEurosystemStatements(readFileSync(LONG, "utf8"), LONG);
    expect(textRows).toHaveLength(48);
    for (const t of textRows)
      expect(Math.round((await obs(`ECB/WFS_TEXT/${t.key}`, t.date))! * 1000), `${t.date} ${t.key}`).toBe(
        t.valueEurMn,
      );
  });

  it("rejects an unknown item number, naming file, row and column", () => {
    const text = readFileSync(LONG, "utf8").replace("2014-01-01,asset,1,", "2014-01-01,asset,13,");
    expect(() => readEurosystemStatements(text, "x.csv")).toThrow(
      'x.csv: row 46, column item_no: unknown asset item "13" of the Eurosystem statement; add it to src/io/ecb/weekly-statement.ts',
    );
  });
});
