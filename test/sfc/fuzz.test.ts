// Fuzzing (simulator issue #7): thousands of random and malformed model texts give a BslabError or a
// model, never another exception, a crash or a hang. Seeded, so failures reproduce.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { BslabError } from "../../src/errors.ts";
import { builtinModelSource, loadModel, simulate } from "../../src/sfc/index.ts";

function survives(text: string): void {
  try {
    const model = loadModel(text, "fuzz.sfc");
    simulate(model, { periods: 4, maxIterations: 50 });
  } catch (error) {
    if (!(error instanceof BslabError)) throw error;
  }
}

const TOKENS = [
  "model",
  "M",
  "equations",
  "parameters",
  "exogenous",
  "initial",
  "hidden",
  "matrix",
  "columns",
  ":",
  "Y",
  "C",
  "G",
  "x",
  "=",
  "==",
  "+",
  "-",
  "*",
  "/",
  "^",
  "(",
  ")",
  "[",
  "]",
  "[-1]",
  "(-1)",
  ",",
  "1",
  "0",
  "2.5",
  "1e308",
  "1e999",
  "exp",
  "log",
  "sqrt",
  "if",
  "min",
  "max",
  "d",
  "period",
  "<",
  ">=",
  "within",
  "\n",
  "\n",
  "\n",
  " ",
  "#",
  '"t"',
  "$",
  ".",
  "\t",
];

describe("fuzz: malformed model text never crashes or hangs", () => {
  it("random token soups (2,000 cases)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
        survives(tokens.join(" "));
      }),
      { numRuns: 2000, seed: 20240607 },
    );
  });

  it("random strings after a valid header (1,000 cases)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => survives(`model F\nequations\n${body}`)),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("built-in models with one character deleted, duplicated or replaced (1,500 cases)", () => {
    const sources = ["sim", "pc", "bmw"].map((n) => builtinModelSource(n).source);
    fc.assert(
      fc.property(
        fc.nat(sources.length - 1),
        fc.nat(100_000),
        fc.constantFrom("delete", "duplicate", "replace"),
        fc.constantFrom(..."=+-*/^()[],:#\n 0x"),
        (which, at, op, ch) => {
          const src = sources[which]!;
          const i = at % src.length;
          const mutated =
            op === "delete"
              ? src.slice(0, i) + src.slice(i + 1)
              : op === "duplicate"
                ? src.slice(0, i) + src[i] + src.slice(i)
                : src.slice(0, i) + ch + src.slice(i + 1);
          survives(mutated);
        },
      ),
      { numRuns: 1500, seed: 42 },
    );
  });

  it("deep nesting is an error, not a stack overflow", () => {
    const deep = `model D\nequations\n  Y = ${"(".repeat(50_000)}1${")".repeat(50_000)}\n`;
    expect(() => loadModel(deep)).toThrow(/nested too deeply/);
  });
});
