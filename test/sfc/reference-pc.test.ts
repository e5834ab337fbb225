// Reference values: Godley and Lavoie (2007) ch. 4, model PC, as tabulated in the project's
// reference "sfc-models.md" (section 3: [C] independent Newton solver cross-checked against sfcr
// 0.2.1.9; [A] analytic stationary states). Copied here; tests never read the reference file.
import { describe, expect, it } from "vitest";

import { baseRow, loadBuiltinModel, runScenario, simulate, steadyState } from "../../src/sfc/index.ts";
import { expectTable, type Table } from "./helpers.ts";

const pc = loadBuiltinModel("pc");

describe("PC (Godley & Lavoie 2007 ch. 4; reference sfc-models.md section 3)", () => {
  it("reproduces 'PC from zero (rbar = 0.025, lambda1 = 5)' [C] to 1e-6", () => {
    const run = simulate(pc, { periods: 100 });
    const table: Table = [
      [1, 0, 0, 0, 0, 0, 0, 0, 0],
      [
        2, 38.46153846, 30.76923077, 7.69230769, 18.46153846, 12.30769231, 9.04615385, 3.26153846,
        12.30769231,
      ],
      [
        3, 48.13775148, 38.69112426, 9.67278107, 28.13775148, 22.86106509, 16.98749822, 5.87356686,
        22.86106509,
      ],
      [
        4, 56.43899234, 45.49094383, 11.37273596, 36.43899234, 31.91301659, 23.79898317, 8.11403342,
        31.91301659,
      ],
      [
        5, 63.55922006, 51.32335571, 12.83083893, 43.55922006, 39.67715224, 29.64140214, 10.03575009,
        39.67715224,
      ],
      [
        6, 69.66645715, 56.32599377, 14.08149844, 49.66645715, 46.33668885, 34.65262359, 11.68406526,
        46.33668885,
      ],
      [
        7, 74.9048212, 60.61690943, 15.15422736, 54.9048212, 52.04877708, 38.95090149, 13.09787559,
        52.04877708,
      ],
      [
        8, 79.39792625, 64.29735903, 16.07433976, 59.39792625, 56.94820986, 42.6376659, 14.31054396,
        56.94820986,
      ],
      [
        20, 102.19115507, 82.96803975, 20.74200994, 82.19115507, 81.80271273, 61.34038127, 20.46233145,
        81.80271273,
      ],
      [
        50, 106.44348103, 86.45125931, 21.61281483, 86.44348103, 86.43959189, 64.82957724, 21.61001465,
        86.43959189,
      ],
      [
        100, 106.48646648, 86.4864701, 21.62161753, 86.48646648, 86.48646468, 64.86484845, 21.62161622,
        86.48646468,
      ],
    ];
    expectTable(run, ["Y", "YD", "T", "C", "V", "Bh", "Hh", "Bs"], table);
    const hh = table.map(([p, , , , , , , h]) => [p, h!, h!, h!] as [number, ...number[]]);
    expectTable(run, ["Hh", "Hs", "Bcb"], hh);
  });

  it("holds the hidden equation Hh = Hs to 1e-9 in every period (baseline and shock, both solvers)", () => {
    for (const solver of ["newton", "gauss"] as const) {
      for (const run of [
        simulate(pc, { periods: 100, solver }),
        runScenario(pc, { periods: 100, solver, shocks: [{ name: "rbar", value: 0.035, from: 5 }] }),
      ]) {
        const hs = run.series("Hs");
        run.series("Hh").forEach((h, t) => expect(Math.abs(h - hs[t]!)).toBeLessThan(1e-9));
      }
    }
  });

  it("finds the analytic stationary state [A]: Y* = 3940/37 (r = 0.025) and 19.552/0.1776 (r = 0.035), 1e-8 relative", () => {
    const at = (rbar: number) => {
      const row = steadyState(pc, baseRow(pc, { rbar }));
      return (name: string) => row[pc.index.get(name)!]!;
    };
    const a = at(0.025);
    expect(a("Y")).toBeCloseTo(3940 / 37, 6);
    expect(Math.abs(a("Y") / (3940 / 37) - 1)).toBeLessThan(1e-8);
    expect(Math.abs(a("V") / (3200 / 37) - 1)).toBeLessThan(1e-8);
    expect(Math.abs(a("Bh") / (2400 / 37) - 1)).toBeLessThan(1e-8);
    expect(Math.abs(a("Hh") / (800 / 37) - 1)).toBeLessThan(1e-8);
    const b = at(0.035);
    expect(Math.abs(b("Y") / (19.552 / 0.1776) - 1)).toBeLessThan(1e-8);
    expect(Math.abs(b("Bh") / 72.07207207 - 1)).toBeLessThan(1e-8);
  });

  it("reproduces 'bill rate from 2.5% to 3.5% from period 5' [C] to 1e-6, shares included", () => {
    const run = runScenario(pc, { periods: 100, shocks: [{ name: "rbar", value: 0.035, from: 5 }] });
    const table: Table = [
      [4, 106.48648649, 86.48648649, 86.48648649, 86.48648649, 64.86486486, 21.62162162, 0.75, 0.25],
      [5, 106.48648649, 86.48648649, 86.48648649, 86.48648649, 69.18918919, 17.2972973, 0.8, 0.2],
      [
        6, 107.22494802, 87.71725572, 87.22494802, 86.97879418, 69.57565073, 17.40314345, 0.7999151,
        0.2000849,
      ],
      [
        7, 107.61613193, 88.04102376, 87.61613193, 87.40368601, 69.91657543, 17.48711058, 0.79992708,
        0.20007292,
      ],
      [
        8, 107.95398629, 88.32085315, 87.95398629, 87.77055287, 70.21093929, 17.55961358, 0.7999373,
        0.2000627,
      ],
      [
        9, 108.24570178, 88.56246773, 88.24570178, 88.08731881, 70.46510356, 17.62221525, 0.79994606,
        0.20005394,
      ],
      [
        10, 108.49757935, 88.77108638, 88.49757935, 88.36082584, 70.68455807, 17.67626777, 0.79995357,
        0.20004643,
      ],
      [
        11, 108.71505944, 88.95121518, 88.71505944, 88.59698158, 70.87404292, 17.72293865, 0.79996002,
        0.20003998,
      ],
      [
        12, 108.90283952, 89.10674482, 88.90283952, 88.80088687, 71.03765092, 17.76323595, 0.79996556,
        0.20003444,
      ],
      [
        20, 109.72332968, 89.78631924, 89.72332968, 89.6918349, 71.75252307, 17.93931182, 0.79998947,
        0.20001053,
      ],
      [
        50, 110.08561004, 90.08637947, 90.08561004, 90.08522533, 72.06816872, 18.01705661, 0.79999987,
        0.20000013,
      ],
      [100, 110.09008719, 90.09008769, 90.09008719, 90.09008694, 72.07206954, 18.0180174, 0.8, 0.2],
    ];
    expectTable(
      run,
      ["Y", "YD", "C", "V", "Bh", "Hh"],
      table.map((r) => r.slice(0, 7) as [number, ...number[]]),
    );
    for (const [period, , , , v, bh, hh, bShare, hShare] of table) {
      expect(Math.abs(bh! / v! - bShare!)).toBeLessThan(1e-6);
      expect(Math.abs(run.value("Bh", period) / run.value("V", period) - bShare!)).toBeLessThan(1e-6);
      expect(Math.abs(run.value("Hh", period) / run.value("V", period) - hShare!)).toBeLessThan(1e-6);
      expect(hh).toBeDefined();
    }
  });

  it("with lambda1 = 0.05 (sfcr's gl2-pc vignette) reaches Y* = 105.344713, V* = 85.344713, Bh* = 53.447126, Hh* = 31.897586 [C]", () => {
    const run = simulate(pc, { periods: 400, set: { lambda1: 0.05 } });
    expectTable(run, ["Y", "V", "Bh", "Hh"], [[400, 105.344713, 85.344713, 53.447126, 31.897586]]);
    const row = steadyState(pc, baseRow(pc, { lambda1: 0.05 }));
    expect(row[pc.index.get("Y")!]).toBeCloseTo(105.344713, 6);
  });
});
