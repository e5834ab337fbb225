import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { indicatorsForKind, levelsForKind, resolveInput } from "../../src/indicators/index.ts";
import { listEntities } from "../../src/store/sheets.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await bundledStore()));
afterAll(() => cleanup());

describe("levelsForKind: the indicator levels by what the store says the entity is", () => {
  it("central bank: central-bank and sector; other depository corporations or unset: sector; country", () => {
    expect(levelsForKind("central-bank")).toEqual(["central-bank", "sector"]);
    expect(levelsForKind("other-depository-corporations")).toEqual(["sector"]);
    expect(levelsForKind(null)).toEqual(["sector"]);
    expect(levelsForKind("country")).toEqual(["country"]);
  });

  it("indicatorsForKind lists the definitions of those levels", () => {
    const odc = indicatorsForKind("other-depository-corporations").map((d) => d.id);
    expect(odc).toContain("sector.deposits_to_capital");
    expect(odc.every((id) => id.startsWith("sector."))).toBe(true);
    expect(indicatorsForKind("country").every((d) => d.level === "country")).toBe(true);
  });

  it("the bundled entity rows set each kind; the resolver hands it to the engine", async () => {
    const kinds = new Map((await listEntities(store)).map((e) => [e.id, e.kind]));
    expect(kinds.get("pboc")).toBe("central-bank");
    expect(kinds.get("fed")).toBe("central-bank");
    expect(kinds.get("pboc-odc")).toBe("other-depository-corporations");
    expect((await resolveInput(store, "pboc-odc", "2013-12")).kind).toBe("other-depository-corporations");
    expect((await resolveInput(store, "China", "2013")).kind).toBe("country");
  });
});
