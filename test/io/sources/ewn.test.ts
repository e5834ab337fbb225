import { describe, expect, it } from "vitest";

import { ewnSeriesId, readEwn } from "../../../src/io/sources/ewn.ts";

const series = readEwn("data/external-wealth-of-nations-2022/EWN-dataset_12-2022.xlsx");
const obs = (id: string, year: string) =>
  series.find((s) => s.id === id)?.observations.find((o) => o.date === year)?.value;

describe("External Wealth of Nations reader", () => {
  it("keeps six variables per economy, annual, USD millions", () => {
    const china = series.filter((s) => s.entity === "China");
    expect(china.map((s) => s.id.split(".").pop()).sort()).toEqual([
      "debt_assets",
      "debt_liabilities",
      "fdi_assets",
      "fdi_liabilities",
      "fx_reserves",
      "gdp",
    ]);
    expect(china[0]).toMatchObject({ frequency: "A", unit: "USD", scale: 6 });
  });

  it("Japan FDI 2013: assets 1,132,970, liabilities 185,670 (data/SOURCES.md check values)", () => {
    expect(Math.round(obs(ewnSeriesId(158, "fdi_assets"), "2013")!)).toBe(1132970);
    expect(Math.round(obs(ewnSeriesId(158, "fdi_liabilities"), "2013")!)).toBe(185670);
  });

  it("China 2013 reserves minus gold 3,839,548 and debt liabilities 1,547,527", () => {
    expect(Math.round(obs(ewnSeriesId(924, "fx_reserves"), "2013")!)).toBe(3839548);
    expect(Math.round(obs(ewnSeriesId(924, "debt_liabilities"), "2013")!)).toBe(1547527);
  });
});
