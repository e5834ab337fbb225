import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSafeExternalDebt } from "../../../src/io/safe/external-debt.ts";
import { loadSeries } from "../../../src/store/series.ts";
import type { Store } from "../../../src/store/store.ts";
import { bundledStore } from "../../helpers/temp-store.ts";

const FILE = "data/china-external-debt/china_external_debt_annual.csv";
const ID = "SAFE/EXTERNAL_DEBT/";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await bundledStore()));
afterAll(() => cleanup());

const obs = async (id: string, date: string) =>
  (await loadSeries(store, id))?.observations.find((o) => o.date === date)?.value;
const pct = (x: number) => Math.round(x * 1000) / 10;

describe("SAFE external debt and reserves, from the loaded store", () => {
  it("2013: short-term 6,766 / total 8,631.67 = 78.4% (the study's short-term share)", async () => {
    const st = (await obs(`${ID}short_term_external_debt.FC_REGISTERED`, "2013"))!;
    const total = (await obs(`${ID}total_external_debt.FC_REGISTERED`, "2013"))!;
    expect([st, total]).toEqual([6766, 8631.67]);
    expect(pct(st / total)).toBe(78.4);
  });

  it("2013: short-term 6,766 / FX reserves 38,213.15 = 17.7% (the study's figure), all in USD 100 million", async () => {
    const reserves = (await obs(`${ID}fx_reserves.OFFICIAL`, "2013"))!;
    expect(reserves).toBe(38213.15);
    expect(pct(6766 / reserves)).toBe(17.7);
  });

  it("2002 first-published short-term share 529.76 / 1,685.38 = 31.43%: the study's +35.4 pp since 2002 does not reproduce", async () => {
    const st = (await obs(`${ID}short_term_external_debt.FC_REGISTERED`, "2002"))!;
    const total = (await obs(`${ID}total_external_debt.FC_REGISTERED`, "2002"))!;
    expect(Math.round((st / total) * 10000) / 100).toBe(31.43);
    expect(Math.round((78.39 - 31.43) * 10) / 10).not.toBe(35.4);
  });

  it("the 2015 basis break is two series, never one spliced line", async () => {
    const before = (await loadSeries(store, `${ID}total_external_debt.FC_REGISTERED`))!;
    const after = (await loadSeries(store, `${ID}total_external_debt.FULL_CALIBER`))!;
    expect(before.observations.at(-1)!.date < "2015").toBe(true);
    expect(after.observations[0]!.date >= "2015").toBe(true);
    expect(after.name).toMatch(/basis FULL_CALIBER/);
  });

  it("FRED TRESEGCNM052N 2013-12 = 3,839,548 (USD millions), a proxy named so", async () => {
    expect(Math.round((await obs("FRED/TRESEGCNM052N", "2013-12-01"))!)).toBe(3839548);
    expect((await loadSeries(store, "FRED/TRESEGCNM052N"))!.name).toMatch(/a proxy for official FX reserves/);
  });

  it("a year printed on several pages keeps the finest figure and says whether the others agree", () => {
    const { duplicates } = readSafeExternalDebt(readFileSync(FILE, "utf8"), FILE, { vintage: "t" });
    const d = duplicates.find((x) => x.id === `${ID}total_external_debt.FC_REGISTERED` && x.year === "2013")!;
    expect(d).toMatchObject({
      kept: { value: 8631.67 },
      other: { value: 863.2, unit: "USD billion" },
      agrees: true,
    });
  });

  it("BIS debt service ratios 2013-Q4: China private sector 18.6, United States 14.2", async () => {
    expect(await obs("BIS/WS_DSR/Q.CN.P", "2013-Q4")).toBe(18.6);
    expect(await obs("BIS/WS_DSR/Q.US.P", "2013-Q4")).toBe(14.2);
  });

  it("rejects an unknown unit, naming file, row and column", () => {
    const text = readFileSync(FILE, "utf8").replace("1701.1,USD 100 million", "1701.1,USD 10 million");
    expect(() => readSafeExternalDebt(text, "x.csv", { vintage: "t" })).toThrow(
      'x.csv: row 2, column unit: unknown unit "USD 10 million" (expected USD 100 million | USD billion | USD trillion)',
    );
  });
});
