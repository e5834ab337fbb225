import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { compileIndicator, evaluateAll } from "../../src/indicators/compiled.ts";
import { computeIndicator, type IndicatorInput } from "../../src/indicators/compute.ts";
import { inputsInRange } from "../../src/indicators/inputs.ts";
import { listIndicators } from "../../src/indicators/registry.ts";
import { buildPbocSheets, readPbocLongCsv } from "../../src/io/pboc/monetary-authority.ts";
import type { IndicatorDef } from "../../src/indicators/types.ts";
import type { Store } from "../../src/store/store.ts";
import { indicatorSeries } from "../../src/indicators/series.ts";
import { runCli } from "../helpers/run-cli.ts";
import { bundledStore, seededDbPath } from "../helpers/temp-store.ts";
import { call, testServer } from "../server/helpers.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => ({ store, cleanup } = await bundledStore()));
afterAll(() => cleanup());

/** Every cell of the compiled pass against the traced engine: value, note (both languages), unit. */
function expectSameAsTraced(defs: readonly IndicatorDef[], inputs: readonly IndicatorInput[]): number {
  const all = evaluateAll(defs.map(compileIndicator), inputs);
  let nulls = 0;
  inputs.forEach((input, i) =>
    defs.forEach((d, k) => {
      const want = computeIndicator(d, input);
      if (want.value === null) nulls++;
      const at = `${input.entity} ${input.date} ${d.id}`;
      expect(all.value(i, k), at).toBe(want.value);
      expect(Number.isNaN(all.values[k]![i]!), at).toBe(want.value === null);
      expect(all.note(i, k), at).toEqual(want.noteText);
    }),
  );
  return nulls;
}

describe("compiled engine: the same values and notes as computeIndicator, cell by cell", () => {
  it.each(["pboc", "pboc-odc", "fed", "boj", "ecb", "China"])(
    "%s, every stored date",
    async (entity) => {
      const inputs = await inputsInRange(store, entity, "", "9999");
      expect(inputs.length).toBeGreaterThan(0);
      const defs = listIndicators({ level: entity === "China" ? ["country"] : ["central-bank", "sector"] });
      const nulls = expectSameAsTraced(defs, inputs);
      expect(nulls).toBeLessThan(inputs.length * defs.length);
    },
    300_000,
  );

  it("the study's printed PBoC 2013-12 figures (Peng and Xie 2014)", async () => {
    const inputs = await inputsInRange(store, "pboc", "2013-12", "2013-12");
    const ids = ["cb.currency_issued_share", "cb.fx_assets_share", "cb.fx_to_foreign_liabilities"];
    const all = evaluateAll(
      ids.map((id) => compileIndicator(listIndicators({}).find((d) => d.id === id)!)),
      inputs,
    );
    expect((all.value(0, 0)! * 100).toFixed(1)).toBe("20.5");
    expect((all.value(0, 1)! * 100).toFixed(1)).toBe("83.3");
    expect(all.value(0, 2)!.toFixed(1)).toBe("126.5");
  });

  it("sheets whose lines come in another order (a new layout) sum in their own order", () => {
    const file = "pboc-monetary-authority/monetary_authority_bs_long_2000_2020.csv";
    const path = fileURLToPath(new URL(`../../data/${file}`, import.meta.url));
    const sheets = buildPbocSheets(readPbocLongCsv(readFileSync(path, "utf8"), file));
    // Every other month reversed, every third with its lines rotated: many layouts, interleaved.
    const inputs = sheets.map((s, i) => ({
      entity: "pboc",
      date: s.date,
      sheet: {
        ...s,
        positions:
          i % 2
            ? [...s.positions].reverse()
            : i % 3
              ? [...s.positions.slice(3), ...s.positions.slice(0, 3)]
              : s.positions,
      },
    }));
    expectSameAsTraced(listIndicators({ level: ["central-bank", "sector"] }), inputs);
  });

  it("a partial sheet, a peer in another unit and a missing variable are not computable, as traced", async () => {
    const [pboc] = await inputsInRange(store, "pboc", "2013-12", "2013-12");
    const peer = pboc!.peers!["S.122"]!;
    const inputs: IndicatorInput[] = [
      pboc!,
      { ...pboc!, peers: { "S.122": { ...peer, unit: { ...peer.unit, scale: peer.unit.scale + 4 } } } },
      {
        ...pboc!,
        partial: "only totals",
        sheet: { ...pboc!.sheet!, positions: pboc!.sheet!.positions.slice(0, 3) },
      },
      { entity: "China", date: "2013", variables: {} },
    ];
    const nulls = expectSameAsTraced(listIndicators({}), inputs);
    expect(nulls).toBeGreaterThan(listIndicators({}).length);
  });
});

interface SeriesAnswer {
  indicators: { id: string; unitLabel: string }[];
  rows: { date: string; values: Record<string, number | null>; notes: Record<string, string> }[];
}

describe("series through the compiled engine: the API and the CLI", () => {
  it("API series: the study's PBoC 2013-12 figures, and every cell of 2000-2020 as the traced engine gives it", async () => {
    const server = await testServer();
    try {
      const fig = await call<SeriesAnswer>(
        server.app,
        "/api/indicators/pboc/series?from=2013-12&to=2013-12&ids=cb.currency_issued_share,cb.fx_assets_share,cb.fx_to_foreign_liabilities",
      );
      expect(fig.status).toBe(200);
      const v = fig.body.rows[0]!.values;
      expect((v["cb.currency_issued_share"]! * 100).toFixed(1)).toBe("20.5");
      expect((v["cb.fx_assets_share"]! * 100).toFixed(1)).toBe("83.3");
      expect(v["cb.fx_to_foreign_liabilities"]!.toFixed(1)).toBe("126.5");
      for (const lang of ["en", "zh"] as const) {
        const all = await call<SeriesAnswer>(
          server.app,
          `/api/indicators/pboc/series?from=2000-01&to=2020-12&lang=${lang}`,
        );
        const inputs = await inputsInRange(store, "pboc", "2000-01", "2020-12");
        const traced = indicatorSeries(listIndicators({ level: ["central-bank", "sector"] }), inputs);
        expect(all.body.rows.length).toBe(traced.length);
        expect(all.body.indicators.map((d) => [d.id, d.unitLabel])).toEqual(
          traced[0]!.results.map((r) => [r.id, r.unitText[lang]]),
        );
        traced.forEach((row, i) => {
          const got = all.body.rows[i]!;
          expect(got.date).toBe(row.date);
          expect(got.values).toEqual(Object.fromEntries(row.results.map((r) => [r.id, r.value])));
          expect(got.notes).toEqual(
            Object.fromEntries(
              row.results.filter((r) => r.value === null).map((r) => [r.id, r.noteText[lang]]),
            ),
          );
        });
      }
    } finally {
      await server.cleanup();
    }
  }, 300_000);

  it("CLI --from/--to JSON: the study's figures, and each row's value, unit and note as traced", async () => {
    const db = seededDbPath();
    try {
      const r = runCli(
        ["indicators", "pboc", "--from", "2013-01", "--to", "2013-12", "--format", "json"],
        db.path,
      );
      expect(r.status, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as {
        date: string;
        id: string;
        value: number | null;
        unit: string;
        note: string;
      }[];
      const at = (id: string) => rows.find((x) => x.date === "2013-12" && x.id === id)!.value!;
      expect((at("cb.currency_issued_share") * 100).toFixed(1)).toBe("20.5");
      expect((at("cb.fx_assets_share") * 100).toFixed(1)).toBe("83.3");
      expect(at("cb.fx_to_foreign_liabilities").toFixed(1)).toBe("126.5");
      const inputs = await inputsInRange(store, "pboc", "2013-01", "2013-12");
      const traced = indicatorSeries(listIndicators({ level: ["central-bank", "sector"] }), inputs).flatMap(
        (row) =>
          row.results.map((x) => ({
            date: row.date,
            id: x.id,
            value: x.value,
            unit: x.unitLabel,
            note: x.note,
          })),
      );
      expect(rows).toEqual(traced);
    } finally {
      db.cleanup();
    }
  }, 300_000);
});
