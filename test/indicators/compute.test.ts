import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { computeAll, computeIndicator, safeDiv } from "../../src/indicators/compute.ts";
import { buildRegistry, getIndicator, listIndicators, REGISTRY } from "../../src/indicators/registry.ts";
import type { IndicatorDef } from "../../src/indicators/types.ts";
import type { BalanceSheet } from "../../src/model/balance-sheet.ts";
import type { Position, Side } from "../../src/model/position.ts";

// Leaf codes only, so no selector prefix covers two of them.
const INSTRUMENTS = [
  "AF.11",
  "AF.12",
  "AF.21",
  "AF.22",
  "AF.29",
  "AF.31",
  "AF.32",
  "AF.4",
  "AF.519",
  "AF.8",
] as const;
const SECTORS = ["S.1", "S.11", "S.122", "S.125", "S.1311", "S.2"] as const;

const line = fc.record({
  instrument: fc.constantFrom(...INSTRUMENTS),
  counterparty: fc.subarray([...SECTORS], { maxLength: 2 }),
  foreign: fc.constantFrom(true, false, null),
  interestBearing: fc.constantFrom(true, false, null),
  maturity: fc.constantFrom("short" as const, "long" as const, "unknown" as const),
  cents: fc.integer({ min: 1, max: 1e9 }),
});

/** A balanced sheet: asset lines, and liability/equity lines closing to the same total. */
const sheetArb = fc
  .record({
    assets: fc.array(line, { minLength: 1, maxLength: 12 }),
    liabilities: fc.array(line, { minLength: 1, maxLength: 12 }),
  })
  .map(({ assets, liabilities }): BalanceSheet => {
    const mk = (side: Side, l: (typeof assets)[number], i: number, value: number): Position => ({
      item: `${side}_${i}`,
      label: { en: `${side} ${i}` },
      side,
      kind: "item",
      instrument: l.instrument,
      currency: null,
      foreign: l.foreign,
      maturity: l.maturity,
      maturityBasis: "original",
      counterparty: [...l.counterparty],
      interestBearing: l.interestBearing,
      value,
      source: { dataset: "gen", file: "gen.csv", row: i + 2 },
    });
    const a = assets.map((l, i) => mk("asset", l, i, l.cents / 100));
    // Liabilities in whole cents that add up exactly to total assets (as published sheets do).
    const totalCents = assets.reduce((s, l) => s + l.cents, 0);
    const w = liabilities.reduce((s, l) => s + l.cents, 0);
    const cents = liabilities.map((l) => Math.floor((totalCents * l.cents) / w));
    cents[cents.length - 1]! += totalCents - cents.reduce((s, c) => s + c, 0);
    const li = liabilities.map((l, i) => mk(i === 0 ? "equity" : "liability", l, i, cents[i]! / 100));
    return {
      entity: "gen",
      date: "2020-12",
      unit: { currency: "CNY", scale: 8 },
      positions: [...a, ...li],
      notes: [],
    };
  });

/** A share indicator over one position of a side, built from the model dimensions alone. */
function itemShare(p: Position): IndicatorDef {
  return {
    id: "cb.test_share",
    type: "capital-structure",
    level: "central-bank",
    name: { en: "t", zh: "t" },
    formula: "x / total",
    terms: {
      x: {
        kind: "positions",
        select: { side: p.side, instrument: [p.instrument!], foreign: p.foreign ?? undefined },
        label: { en: "x", zh: "x" },
      },
      total: {
        kind: "total",
        side: p.side === "asset" ? "asset" : "liability-and-equity",
        label: { en: "t", zh: "t" },
      },
    },
    evaluate: (v, h) => h.div(v.x!, v.total!, "total"),
    unit: "fraction",
    threshold: { en: "", zh: "" },
    read: () => ({ signal: "info", text: { en: "", zh: "" } }),
    citation: { author: "test", year: 2024, where: "test", zh: { author: "test", where: "test" } },
  };
}

describe("properties over generated balanced sheets", () => {
  it("shares over a partition of a side's items sum to 1", () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        for (const side of ["asset", "liability"] as const) {
          const sides: Side[] = side === "asset" ? ["asset"] : ["liability", "equity"];
          // Partition by (instrument, foreign): each group is one selector.
          const groups = new Map<string, Position>();
          for (const p of sheet.positions.filter((q) => sides.includes(q.side)))
            groups.set(`${p.instrument}|${p.foreign}`, p);
          let sum = 0;
          for (const rep of groups.values()) {
            const def = itemShare(rep);
            const sel = def.terms.x!;
            if (sel.kind === "positions") (sel.select as { side: Side | Side[] }).side = sides;
            if (rep.foreign === null) {
              // unknown currency cannot be selected by `foreign`; select the instrument without it
              // and subtract the known ones below
              continue;
            }
            sum += computeIndicator(def, { entity: "gen", date: "2020-12", sheet }).value!;
          }
          const unknown = sheet.positions
            .filter((q) => sides.includes(q.side) && q.foreign === null)
            .reduce((s, q) => s + q.value, 0);
          const total = sheet.positions
            .filter((q) => sides.includes(q.side))
            .reduce((s, q) => s + q.value, 0);
          expect(sum + unknown / total).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("non-interest-bearing + interest-bearing + unknown-interest shares of liabilities sum to 1", () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const input = { entity: "gen", date: "2020-12", sheet };
        const non = computeIndicator(getIndicator("cb.non_interest_bearing_share"), input).value!;
        const int = computeIndicator(getIndicator("cb.interest_bearing_share"), input).value!;
        const li = sheet.positions.filter((p) => p.side !== "asset");
        const unknown = li.filter((p) => p.interestBearing === null).reduce((s, p) => s + p.value, 0);
        const total = li.reduce((s, p) => s + p.value, 0);
        expect(non + int + unknown / total).toBeCloseTo(1, 9);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("every indicator is invariant to the unit scale (amounts scale with it), never NaN or Infinity", () => {
    const defs = listIndicators({ level: ["central-bank", "sector"] });
    fc.assert(
      fc.property(sheetArb, fc.integer({ min: -4, max: 4 }), (sheet, k) => {
        const scaled: BalanceSheet = {
          ...sheet,
          unit: { ...sheet.unit, scale: sheet.unit.scale - k },
          positions: sheet.positions.map((p) => ({ ...p, value: p.value * 10 ** k })),
        };
        const a = computeAll(defs, { entity: "gen", date: "2020-12", sheet });
        const b = computeAll(defs, { entity: "gen", date: "2020-12", sheet: scaled });
        a.forEach((r, i) => {
          const s = b[i]!;
          expect(s.value === null).toBe(r.value === null);
          if (r.value === null) {
            expect(r.note).toMatch(/^not computable: /);
            return;
          }
          expect(Number.isFinite(r.value) && Number.isFinite(s.value!)).toBe(true);
          const expected = r.unit === "amount" ? r.value * 10 ** k : r.value;
          expect(s.value!).toBeCloseTo(expected, Math.max(0, 6 - Math.max(0, k)));
        });
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});

describe("safe division and not-computable results", () => {
  it("safeDiv throws on zero, returns the quotient otherwise", () => {
    expect(safeDiv(1, 4, "x")).toBe(0.25);
    expect(() => safeDiv(1, 0, "total assets")).toThrow("not computable: total assets is zero");
  });

  it("an empty sheet gives not computable with the reason, never NaN", () => {
    const sheet: BalanceSheet = {
      entity: "e",
      date: "2020",
      unit: { currency: "CNY", scale: 8 },
      positions: [],
      notes: [],
    };
    const r = computeIndicator(getIndicator("cb.currency_issued_share"), {
      entity: "e",
      date: "2020",
      sheet,
    });
    expect(r).toMatchObject({ value: null, note: "not computable: total liabilities is zero" });
  });

  it("a variable indicator without data says which input is missing", () => {
    const r = computeIndicator(getIndicator("country.osin1"), { entity: "China", date: "2013" });
    expect(r.note).toBe(
      "not computable: no international debt securities of i in its own currency (sec_own_currency) in the bundled data",
    );
  });
});

const v = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, source: "hand" }]));
const calc = (id: string, values: Record<string, number>) =>
  computeIndicator(getIndicator(id), { entity: "x", date: "2000", variables: v(values) }).value;

// Hand-computed vectors of ../shared/reference/indicators.md A.4 (constructed, not published).
describe("literature formulas on hand-computed vectors", () => {
  const sec = {
    sec_own_currency: 20,
    sec_total: 100,
    sec_all_in_currency_i: 30,
    sl_major: 125,
    sl_total: 150,
  };
  it("OSIN1 0.80, INDEXB 0.30, OSIN3 0.70, INDEXA 0.8333, OSIN2 0.8333", () => {
    expect(calc("country.osin1", sec)).toBeCloseTo(0.8, 12);
    expect(calc("country.indexb", sec)).toBeCloseTo(0.3, 12);
    expect(calc("country.osin3", sec)).toBeCloseTo(0.7, 12);
    expect(calc("country.indexa", sec)).toBeCloseTo(0.8333, 4);
    expect(calc("country.osin2", sec)).toBeCloseTo(0.8333, 4);
  });
  it("financial centre: OSIN3 truncates at 0", () => {
    expect(calc("country.osin3", { sec_all_in_currency_i: 250, sec_total: 100 })).toBe(0);
  });
  it("AECM -0.100 (debtor) and +0.200 (creditor)", () => {
    expect(
      calc("country.aecm", { nfca: -50, exports: 200, imports: 1, fc_debt: 40, total_debt: 100 }),
    ).toBeCloseTo(-0.1, 12);
    expect(
      calc("country.aecm", { nfca: 300, exports: 1, imports: 150, fc_debt: 10, total_debt: 100 }),
    ).toBeCloseTo(0.2, 12);
  });
  it("MISMATCH -0.675", () => {
    expect(
      calc("country.mismatch", { osin: 0.9, fx_reserves: 100, debt_liabilities: 250, exports: 200 }),
    ).toBeCloseTo(-0.675, 12);
  });
  it("Greenspan-Guidotti both ways: China 2013 implied 676.6 / 3823 -> 0.177 and 5.65", () => {
    const vals = { short_term_external_debt: 676.6, fx_reserves: 676.6 / 0.177 };
    expect(calc("country.short_term_external_debt_to_reserves", vals)).toBeCloseTo(0.177, 6);
    expect(calc("country.reserves_to_short_term_external_debt", vals)).toBeCloseTo(5.65, 2);
  });
});

describe("registry", () => {
  it("has the nine central-bank ids scripts depend on", () => {
    for (const id of [
      "cb.currency_issued_share",
      "cb.fx_assets_share",
      "cb.fx_to_foreign_liabilities",
      "cb.net_fx_position",
      "cb.financial_deposits_share",
      "cb.government_deposits_share",
      "cb.bonds_issued_share",
      "cb.non_interest_bearing_share",
      "cb.other_assets_share",
    ])
      expect(REGISTRY.has(id)).toBe(true);
  });
  it("rejects a duplicate id", () => {
    const d = getIndicator("cb.fx_assets_share");
    expect(() => buildRegistry([d, d])).toThrow(
      'duplicate indicator id: "cb.fx_assets_share" (each id is defined once)',
    );
  });
  it("rejects a malformed id", () => {
    expect(() => buildRegistry([{ ...getIndicator("cb.fx_assets_share"), id: "FX share" }])).toThrow(
      'invalid indicator id: "FX share" (expected <level>.<snake_case name>, e.g. cb.fx_assets_share)',
    );
  });
  it("an unknown id suggests near ones", () => {
    expect(() => getIndicator("cb.fx_share")).toThrow(/^unknown indicator id: "cb.fx_share" \(did you mean /);
  });
  it("every definition reads positions by dimensions, cites a source, and names both languages", () => {
    for (const d of REGISTRY.values()) {
      expect(d.name.en && d.name.zh && d.threshold.en && d.citation.author && d.citation.year).toBeTruthy();
      for (const t of Object.values(d.terms))
        if (t.kind === "positions") expect(JSON.stringify(t.select)).not.toMatch(/item|label/);
    }
  });
});
