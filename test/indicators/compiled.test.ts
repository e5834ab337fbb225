import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { compileIndicator, evaluateAll } from "../../src/indicators/compiled.ts";
import { computeIndicator } from "../../src/indicators/compute.ts";
import { inputsInRange } from "../../src/indicators/inputs.ts";
import { listIndicators } from "../../src/indicators/registry.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await bundledStore()));
afterAll(() => cleanup());

describe("compiled engine: the same values as computeIndicator, cell by cell", () => {
  it.each(["pboc", "pboc-odc", "fed", "boj", "China"])("%s, every stored date", async (entity) => {
    const inputs = await inputsInRange(store, entity, "", "9999");
    expect(inputs.length).toBeGreaterThan(0);
    const defs = listIndicators({ level: entity === "China" ? ["country"] : ["central-bank", "sector"] });
    const values = evaluateAll(defs.map(compileIndicator), inputs);
    let nulls = 0;
    inputs.forEach((input, i) =>
      defs.forEach((d, k) => {
        const want = computeIndicator(d, input).value;
        if (want === null) nulls++;
        expect(values[i]![k], `${entity} ${input.date} ${d.id}`).toBe(want);
      }),
    );
    expect(nulls).toBeLessThan(inputs.length * defs.length);
  });
});
