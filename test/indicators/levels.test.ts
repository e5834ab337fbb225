import { describe, expect, it } from "vitest";

import { indicatorsForEntity, levelsForEntity } from "../../src/indicators/index.ts";
import { CENTRAL_BANKS, DEPOSITORY_CORPORATIONS } from "../../src/model/entity.ts";

describe("levelsForEntity: the indicator levels by what the entity's inputs are", () => {
  it("central bank: central-bank and sector; other depository corporations: sector; else country", () => {
    for (const e of CENTRAL_BANKS) expect(levelsForEntity(e.id)).toEqual(["central-bank", "sector"]);
    for (const e of DEPOSITORY_CORPORATIONS) expect(levelsForEntity(e.id)).toEqual(["sector"]);
    expect(levelsForEntity("China")).toEqual(["country"]);
  });

  it("indicatorsForEntity lists the definitions of those levels", () => {
    const odc = indicatorsForEntity("pboc-odc").map((d) => d.id);
    expect(odc).toContain("sector.deposits_to_capital");
    expect(odc.every((id) => id.startsWith("sector."))).toBe(true);
    expect(indicatorsForEntity("China").every((d) => d.level === "country")).toBe(true);
  });
});
