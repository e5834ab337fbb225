import { bench, describe } from "vitest";

import { mulberry32 } from "../src/recession/auroc.ts";
import { computeCreditGap } from "../src/recession/credit-gap.ts";
import { oneSidedHpRecursive } from "../src/recession/hp-filter.ts";

// Seeded random-walk credit ratios at fixed sizes, with and without missing quarters.
function series(n: number, withNulls: boolean) {
  const rand = mulberry32(42);
  let v = 100;
  return Array.from({ length: n }, (_, i) => {
    v += rand() * 2 - 0.9;
    return { date: String(i), value: withNulls && rand() < 0.05 ? null : v };
  });
}

for (const n of [300, 3000]) {
  const s = series(n, false);
  const sn = series(n, true);
  describe(`credit gap, ${n} quarters`, () => {
    bench("Kalman one-sided HP (O(n))", () => void computeCreditGap(s));
    bench("Kalman one-sided HP, 5% missing", () => void computeCreditGap(sn));
    if (n <= 300)
      bench("recursive banded HP (O(n^2))", () => void oneSidedHpRecursive(s.map((p) => p.value!)));
  });
}
