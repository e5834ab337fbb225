// The CLI's tables write numbers without ICU (its first use is slow to load): the text must be
// exactly what Intl's en-US format gives, which is the reference here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { plainDecimal } from "../../src/cli/output.ts";

const intl = (x: number, decimals: number) =>
  x.toLocaleString("en-US", { maximumFractionDigits: decimals, useGrouping: false });

describe("plainDecimal", () => {
  it.each([
    0.5,
    1.5,
    -1.5,
    0.0000005,
    0.0000015,
    1.0000005,
    -1.0000005,
    2.5e-7,
    4.9999999e-7,
    9.9999995,
    -9.9999995,
    999999.9999996,
    123456.1234565,
    0.1 + 0.2,
    1e-7,
    -1e-9,
    1e21,
    1.5e21,
    1.7976931348623157e308,
    5e-324,
    264270.04,
    317278.55,
    -0.01,
    0.0000095,
    0.9999995,
    -0,
    Infinity,
    -Infinity,
    NaN,
  ])("%s as Intl writes it", (x) => {
    for (const decimals of [0, 2, 6]) expect(plainDecimal(x, decimals)).toBe(intl(x, decimals));
  });

  it("any double, at 0 to 8 decimals", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(plainDecimal(x, decimals)).toBe(intl(x, decimals));
      }),
      { numRuns: 3_000 },
    );
  });

  it("values near decimal ties, at 6 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9 }), (n, e) => {
        const x = (n + 0.5) / 10 ** (e + 6);
        expect(plainDecimal(x, 6)).toBe(intl(x, 6));
      }),
      { numRuns: 3_000 },
    );
  });
});
