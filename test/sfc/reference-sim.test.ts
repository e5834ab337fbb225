// Reference values: Godley and Lavoie (2007) ch. 3, as tabulated in the project's reference
// "sfc-models.md" (sections 1-2: [B] book Table 3.4, [C] independent Newton solver cross-checked
// against sfcr 0.2.1.9). Copied here; tests never read the reference file.
import { describe, expect, it } from "vitest";

import { loadBuiltinModel, runScenario, simulate } from "../../src/sfc/index.ts";
import { expectTable, type Table } from "./helpers.ts";

const sim = loadBuiltinModel("SIM");
const simex = loadBuiltinModel("simex");

describe("SIM (Godley & Lavoie 2007 ch. 3; reference sfc-models.md section 1)", () => {
  it("reproduces 'SIM from zero' [C] to 1e-6", () => {
    const run = simulate(sim, { periods: 100 });
    const table: Table = [
      [1, 0, 0, 0, 0, 0],
      [2, 38.46153846, 7.69230769, 30.76923077, 18.46153846, 12.30769231],
      [3, 47.92899408, 9.58579882, 38.34319527, 27.92899408, 22.72189349],
      [4, 55.93991807, 11.18798361, 44.75193446, 35.93991807, 31.53390988],
      [5, 62.71839221, 12.54367844, 50.17471377, 42.71839221, 38.99023143],
      [6, 68.45402418, 13.69080484, 54.76321934, 48.45402418, 45.2994266],
      [7, 73.30725123, 14.66145025, 58.64580098, 53.30725123, 50.63797635],
      [8, 77.41382796, 15.48276559, 61.93106237, 57.41382796, 55.15521076],
      [9, 80.88862366, 16.17772473, 64.71089893, 60.88862366, 58.97748603],
      [10, 83.82883541, 16.76576708, 67.06306832, 63.82883541, 62.21171895],
      [20, 96.9574717, 19.39149434, 77.56597736, 76.9574717, 76.65321887],
      [50, 99.97973649, 19.9959473, 79.98378919, 79.97973649, 79.97771014],
      [100, 99.99999522, 19.99999904, 79.99999618, 79.99999522, 79.99999474],
    ];
    expectTable(run, ["Y", "Td", "YD", "Cd", "Hh"], table);
    expectTable(
      run,
      ["Hs"],
      table.map(([p, , , , , h]) => [p, h!]),
    );
  });

  it("matches book Table 3.4 [B] to one decimal and the analytic period-2 value 20/0.52 to 1e-12", () => {
    const run = simulate(sim, { periods: 3 });
    expect(run.value("Y", 2)).toBeCloseTo(20 / 0.52, 12);
    expectTable(
      run,
      ["Y", "Td", "YD", "Cd", "Hh"],
      [
        [2, 38.5, 7.7, 30.8, 18.5, 12.3],
        [3, 47.9, 9.6, 38.3, 27.9, 22.7],
      ],
      0.05,
    );
  });

  it("holds the hidden equation Hh = Hs to 1e-9 in every period, with both solvers", () => {
    for (const solver of ["newton", "gauss"] as const) {
      const run = simulate(sim, { periods: 100, solver });
      const hh = run.series("Hh");
      const hs = run.series("Hs");
      hh.forEach((h, t) => expect(Math.abs(h - hs[t]!)).toBeLessThan(1e-9));
    }
  });

  it("reproduces 'G from 20 to 25 from period 5' from the stationary state [C] to 1e-6", () => {
    const run = runScenario(sim, { periods: 100, shocks: [{ name: "Gd", value: 25, from: 5 }] });
    expectTable(
      run,
      ["Y", "Td", "YD", "Cd", "Hh"],
      [
        [1, 100, 20, 80, 80, 80],
        [4, 100, 20, 80, 80, 80],
        [5, 109.61538462, 21.92307692, 87.69230769, 84.61538462, 83.07692308],
        [6, 111.98224852, 22.3964497, 89.58579882, 86.98224852, 85.68047337],
        [7, 113.98497952, 22.7969959, 91.18798361, 88.98497952, 87.88347747],
        [8, 115.67959805, 23.13591961, 92.54367844, 90.67959805, 89.74755786],
        [9, 117.11350605, 23.42270121, 93.69080484, 92.11350605, 91.32485665],
        [10, 118.32681281, 23.66536256, 94.66145025, 93.32681281, 92.65949409],
        [20, 123.74447132, 24.74889426, 98.99557706, 98.74447132, 98.61891846],
        [50, 124.99163807, 24.99832761, 99.99331045, 99.99163807, 99.99080188],
        [100, 124.99999803, 24.99999961, 99.99999842, 99.99999803, 99.99999783],
      ],
    );
  });
});

describe("SIMEX (Godley & Lavoie 2007 ch. 3; reference sfc-models.md section 2)", () => {
  it("reproduces 'G from 20 to 25 from period 5' from SIM's stationary state [C] to 1e-6", () => {
    const run = runScenario(simex, { periods: 50, shocks: [{ name: "Gd", value: 25, from: 5 }] });
    expectTable(
      run,
      ["Y", "YD", "YDe", "Cd", "Hh", "Hd"],
      [
        [4, 100, 80, 80, 80, 80, 80],
        [5, 105, 84, 80, 80, 84, 80],
        [6, 109, 87.2, 84, 84, 87.2, 84],
        [7, 112.2, 89.76, 87.2, 87.2, 89.76, 87.2],
        [8, 114.76, 91.808, 89.76, 89.76, 91.808, 89.76],
        [9, 116.808, 93.4464, 91.808, 91.808, 93.4464, 91.808],
        [10, 118.4464, 94.75712, 93.4464, 93.4464, 94.75712, 93.4464],
        [20, 124.29631256, 99.43705005, 99.29631256, 99.29631256, 99.43705005, 99.29631256],
        [50, 124.99912888, 99.9993031, 99.99912888, 99.99912888, 99.9993031, 99.99912888],
      ],
    );
  });

  it("reproduces 'SIMEX from zero' [C]: Y(t) = 100(1 - 0.8^(t-1))", () => {
    const run = simulate(simex, { periods: 8 });
    expectTable(
      run,
      ["Y"],
      [
        [1, 0],
        [2, 20],
        [3, 36],
        [4, 48.8],
        [5, 59.04],
        [6, 67.232],
        [7, 73.7856],
        [8, 79.02848],
      ],
    );
    for (let t = 1; t <= 8; t++) expect(run.value("Y", t)).toBeCloseTo(100 * (1 - 0.8 ** (t - 1)), 9);
  });
});
