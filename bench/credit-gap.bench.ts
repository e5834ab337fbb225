// Credit gap (one-sided HP by Kalman filter) on seeded random-walk credit ratios at fixed sizes,
// with and without missing quarters, against a baseline pass that only reads the values.
import { mulberry32 } from "../src/recession/auroc.ts";
import { computeCreditGap } from "../src/recession/credit-gap.ts";
import { oneSidedHpRecursive } from "../src/recession/hp-filter.ts";
import { bench } from "./lib/index.ts";

function series(n: number, withNulls: boolean) {
  const rand = mulberry32(42);
  let v = 100;
  return Array.from({ length: n }, (_, i) => {
    v += rand() * 2 - 0.9;
    return { date: String(i), value: withNulls && rand() < 0.05 ? null : v };
  });
}

const inputs = new Map([300, 3000].map((n) => [n, { s: series(n, false), sn: series(n, true) }]));
const input = (n: number) => inputs.get(n)!;

await bench({
  title: "credit gap",
  sizes: [...inputs.keys()].map((n) => ({ label: `${n} quarters`, value: n })),
  baseline: {
    label: "one pass summing the values",
    run: (n) => input(n).s.reduce((a, p) => a + (p.value ?? 0), 0),
  },
  cases: [
    { label: "Kalman one-sided HP (O(n))", run: (n) => computeCreditGap(input(n).s) },
    { label: "Kalman one-sided HP, 5% missing", run: (n) => computeCreditGap(input(n).sn) },
    {
      label: "recursive banded HP (O(n^2))",
      run: (n) => oneSidedHpRecursive(input(n).s.map((p) => p.value!)),
      when: (n) => n <= 300,
    },
  ],
});
