import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadComparison, loadTextFigures } from "../../src/indicators/compare.ts";
import { type TextFigure, textFigures } from "../../src/indicators/text-figures.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

// The study's text figures (Peng and Xie 2014, sections 2-3) against the bundled PBoC sheets of
// 2002-12 and 2013-12 and SAFE's external-debt series (registered foreign-currency basis).
let store: Store;
let cleanup: () => void;
let figs: Map<string, TextFigure>;
beforeAll(async () => {
  ({ store, cleanup } = await bundledStore());
  figs = new Map((await loadTextFigures(store)).map((f) => [f.id, f]));
});
afterAll(() => cleanup());

const fig = (id: string) => {
  const f = figs.get(id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

describe("the study's text figures from the bundled store", () => {
  it("net FX position growth with all foreign assets equals the study's 10.8x", () => {
    const f = fig("study.nfcp_growth_all");
    // (272233.53 - 2088.27) / (23242.85 - 423.06) - 1
    expect(f.value).toBeCloseTo(270145.26 / 22819.79 - 1, 6);
    expect(f.status).toBe("match");
    expect(f.study.printed).toBe("10.8x");
    expect(f.inputs.map((i) => i.source.split("@")[0])).toContain("monetary_gold");
  });

  it("net FX position growth with foreign exchange only is 11.09x and differs from 10.8x", () => {
    const f = fig("study.nfcp_growth_fx");
    expect(f.value).toBeCloseTo(262181.77 / 21684.33 - 1, 6);
    expect(f.value!.toFixed(2)).toBe("11.09");
    expect(f.status).toBe("differs");
    expect(f.difference).toBeCloseTo(0.29, 2);
    expect(f.inputs.map((i) => i.source.split("@")[0])).not.toContain("monetary_gold");
  });

  it("short-term external debt is 17.7% of FX reserves and 78.4% of external debt in 2013", () => {
    const r = fig("study.short_term_debt_to_reserves");
    expect(r.value).toBeCloseTo((100 * 6766) / 38213.15, 6);
    expect(r.status).toBe("match");
    const s = fig("study.short_term_debt_share");
    expect(s.value).toBeCloseTo((100 * 6766) / 8631.67, 6);
    expect(s.status).toBe("match");
    expect(s.inputs.map((i) => i.value)).toEqual([6766, 8631.67]);
  });

  it("the study's +35.4 pp since 2002 is reported as its discrepancy: SAFE gives about +47.0 pp", () => {
    const f = fig("study.short_term_share_rise");
    expect(f.value).toBeCloseTo((100 * 6766) / 8631.67 - (100 * 529.76) / 1685.38, 6);
    expect(f.value!.toFixed(1)).toBe("47.0");
    expect(f.status).toBe("differs");
    expect(f.difference).toBeCloseTo(47.0 - 35.4, 0);
    expect(f.note.en).toContain("discrepancy of the study");
    expect(f.note.zh).toContain("原文有误");
  });

  it("are part of the end-2013 comparison with the PBoC, and absent at another date", async () => {
    const t2 = await loadComparison(store, ["pboc", "fed"], "2013-12");
    expect(t2.textFigures.map((f) => f.status)).toEqual(["match", "differs", "match", "match", "differs"]);
    expect((await loadComparison(store, ["pboc"], "2012-12")).textFigures).toEqual([]);
  });

  it("say which input is missing and how to get it when the data is not there", () => {
    const [growth, , debt] = textFigures({});
    expect(growth!.status).toBe("not computable");
    expect(growth!.value).toBeNull();
    expect(growth!.missing!.input.en).toContain("2002-12");
    expect(growth!.missing!.howTo.en).toContain("monetary_authority_bs_2002.xls");
    expect(debt!.status).toBe("not computable");
    expect(debt!.missing!.howTo.en).toContain("china-external-debt");
  });
});
