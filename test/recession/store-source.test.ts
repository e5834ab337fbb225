import { readFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importText } from "../../src/ingest/import.ts";
import { dataDir } from "../../src/io/sources/common.ts";
import {
  creditGap,
  creditGapSourceText,
  diagnose,
  evaluate,
  evidenceText,
  loadCountryData,
} from "../../src/recession/index.ts";
import { saveSeries } from "../../src/store/series.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

// The bundled WS_CREDIT_GAP file with Japan's credit-to-GDP ratio scaled by 1.2, as a user would
// import a newer BIS download (`bslab import WS_CREDIT_GAP_csv_col.csv`: csv_col ids, with colons).
function modifiedJapanRatio(): string {
  const text = readFileSync(join(dataDir(), "bis-credit-property-cpi", "WS_CREDIT_GAP_csv_col.csv"), "utf8");
  const [header, ...rows] = text.split("\n");
  const jp = rows.find((l) => l.includes(",Q:JP:P:A:A,"))!;
  const cells = jp.split(",");
  const key = cells.indexOf("Q:JP:P:A:A");
  const scaled = cells.map((c, i) => (i > key && c !== "" ? String(Number(c) * 1.2) : c));
  return `${header}\n${scaled.join(",")}\n`;
}

// What creditGap("JP") reads from the bundled data, whether from data/ or from the store's copy.
const BUNDLED_JP_SOURCE = {
  id: "BIS/WS_CREDIT_GAP/Q.JP.P.A.A",
  vintage: "2026 (last quarter 2025-Q4)",
  dataset: "bis-ws-credit-gap",
  file: "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv",
  bundled: true,
  row: 2,
  publishedGap: {
    id: "BIS/WS_CREDIT_GAP/Q.JP.P.A.C",
    vintage: "2026 (last quarter 2025-Q4)",
    dataset: "bis-ws-credit-gap",
    file: "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv",
    bundled: true,
    row: 47,
  },
};

describe("the monitor reads the store when one is given", () => {
  let store: Store;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await bundledStore());
  });
  afterAll(() => cleanup());

  it("gives the same diagnoses as the files with the bundled data (JP 1985-2010, US 1925-1945)", async () => {
    for (const [c, from, to] of [
      ["JP", 1985, 2010],
      ["US", 1925, 1945],
      ["GB", 1970, 2015],
    ] as const) {
      const fromStore = await diagnose(c, from, to, { store });
      expect(fromStore).toEqual(diagnose(c, from, to));
    }
    expect(await creditGap("US", { store })).toEqual(creditGap("US"));
  });

  it("creditGap names the bundled series, vintage, dataset, file and row, from the files and the store", async () => {
    expect(creditGap("JP").source).toEqual(BUNDLED_JP_SOURCE);
    expect((await creditGap("JP", { store })).source).toEqual(BUNDLED_JP_SOURCE);
    expect(creditGapSourceText(creditGap("JP").source)).toBe(
      "credit/GDP: BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2026 (last quarter 2025-Q4), dataset bis-ws-credit-gap, " +
        "file data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv, row 2; BIS published gap: BIS/WS_CREDIT_GAP/Q.JP.P.A.C, row 47",
    );
  });

  it("reads one country from the store in well under a second (one batched query)", async () => {
    await diagnose("JP", 1985, 2010, { store }); // warm DuckDB
    const times: number[] = [];
    for (const c of ["JP", "US", "DE"]) {
      const t0 = performance.now();
      await diagnose(c, 1985, 2010, { store });
      times.push(performance.now() - t0);
    }
    console.log(`diagnose from the store: ${times.map((t) => t.toFixed(0)).join(", ")} ms (JP, US, DE)`);
    expect(Math.max(...times)).toBeLessThan(1000);
  });

  it("uses a newer vintage of the BIS ratio imported into the store", async () => {
    const before = creditGap("JP");
    const r = await importText(store, modifiedJapanRatio(), "WS_CREDIT_GAP_csv_col.csv", {
      mapping: "bis-csv-col",
      vintage: "2027-01-01",
    });
    expect(r.series).toBe(1);
    const after = await creditGap("JP", { store });
    const q = (rows: typeof before, d: string) => rows.find((x) => x.date === d)!;
    expect(q(after, "1990-Q1").ratio).toBeCloseTo(q(before, "1990-Q1").ratio * 1.2, 8);
    // The HP filter is linear: the gap scales with the ratio.
    expect(q(after, "1990-Q1").gap!).toBeCloseTo(q(before, "1990-Q1").gap! * 1.2, 6);
    // The files (library use without a store) still give the bundled vintage.
    expect(creditGap("JP")).toEqual(before);
    // The diagnosis uses it too: credit/GDP and the BIS-method gap at Q4.
    const data = await loadCountryData("JP", { store });
    expect(data.years.get(1989)!.creditGdp!.value).toBeCloseTo(
      loadCountryData("JP").years.get(1989)!.creditGdp!.value * 1.2,
      8,
    );
    const d = await diagnose("JP", 1985, 2010, { store });
    const boom = (x: typeof d) =>
      x.timeline.find((y) => y.year === 1989)!.signals.find((s) => s.id === "leveraged-boom")!;
    expect(boom(d).values.creditGap).not.toBe(boom(diagnose("JP", 1985, 2010)).values.creditGap);
  });

  it("the credit gap and its evidence name the imported vintage and file, not the bundled ones", async () => {
    // The import of the previous test (JP's ratio, vintage 2027-01-01) is in the store.
    const { source } = await creditGap("JP", { store });
    expect(source).toEqual({
      id: "BIS/WS_CREDIT_GAP/Q.JP.P.A.A",
      vintage: "2027-01-01",
      dataset: "import:WS_CREDIT_GAP_csv_col.csv",
      file: "WS_CREDIT_GAP_csv_col.csv",
      bundled: false,
      row: null,
      // Only the ratio was imported: the BIS published gap is still the bundled one.
      publishedGap: BUNDLED_JP_SOURCE.publishedGap,
    });
    expect(creditGapSourceText(source)).toBe(
      "credit/GDP: BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2027-01-01, dataset import:WS_CREDIT_GAP_csv_col.csv, " +
        "file WS_CREDIT_GAP_csv_col.csv; BIS published gap: BIS/WS_CREDIT_GAP/Q.JP.P.A.C, vintage 2026 (last quarter 2025-Q4), " +
        "dataset bis-ws-credit-gap, file data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv, row 47",
    );
    const gapEvidence = (x: Awaited<ReturnType<typeof diagnose>>) =>
      x.timeline
        .find((y) => y.year === 1989)!
        .signals.find((s) => s.id === "leveraged-boom")!
        .evidence.find((e) => e.key === "creditGap")!;
    const imported = gapEvidence(await diagnose("JP", 1985, 2010, { store }));
    expect(imported.values).toMatchObject({
      series: "BIS/WS_CREDIT_GAP/Q.JP.P.A.A",
      vintage: "2027-01-01",
      dataset: "import:WS_CREDIT_GAP_csv_col.csv",
      file: "WS_CREDIT_GAP_csv_col.csv",
    });
    expect(evidenceText(imported, "en")).toMatch(
      /^credit gap [\d.]+ pp \(BIS WS_CREDIT_GAP ratio \(vintage 2027-01-01\), one-sided HP lambda 400,000, Q4\)$/,
    );
    expect(evidenceText(imported, "zh")).toContain("BIS WS_CREDIT_GAP比率（版本2027-01-01）");
    // The bundled data keep their sentence, and carry the bundled series.
    const bundled = gapEvidence(diagnose("JP", 1985, 2010));
    expect(bundled.values.source).toBe("BIS ratio, one-sided HP lambda 400,000, Q4");
    expect(bundled.values).toMatchObject({
      vintage: "2026 (last quarter 2025-Q4)",
      dataset: "bis-ws-credit-gap",
    });
  });

  it("uses a newer WS_TC credit-to-GDP ratio (SDMX-style dotted id) over an older WS_CREDIT_GAP one", async () => {
    const bundled = creditGap("DE");
    const ratio = bundled.map((x) => ({ date: x.date, value: Math.round(x.ratio * 0.9 * 10) / 10 }));
    await saveSeries(store, [
      {
        id: "BIS/WS_TC/Q.DE.P.A.M.770.A",
        entity: "DE",
        name: "Germany - private non-financial sector - % of GDP",
        frequency: "Q",
        unit: "Percentage of GDP",
        scale: 0,
        dataset: "import:WS_TC.csv",
        file: "WS_TC.csv",
        vintage: "2027-02-01",
        observations: ratio,
      },
    ]);
    const after = await creditGap("DE", { store });
    expect(after.find((x) => x.date === "2000-Q4")!.ratio).toBe(
      ratio.find((x) => x.date === "2000-Q4")!.value,
    );
    expect(after.source).toMatchObject({
      id: "BIS/WS_TC/Q.DE.P.A.M.770.A",
      vintage: "2027-02-01",
      dataset: "import:WS_TC.csv",
      file: "WS_TC.csv",
      row: null,
    });
    const data = await loadCountryData("DE", { store });
    expect(data.years.get(2000)!.creditGdp!.source).toBe("BIS WS_TC ratio (vintage 2027-02-01), Q4");
    expect(data.years.get(2000)!.creditGap!.source).toBe(
      "BIS WS_TC ratio (vintage 2027-02-01), one-sided HP lambda 400,000, Q4",
    );
  });

  it("evaluates from the store on the same observations as from the files", async () => {
    const fromStore = await evaluate({ store, bootstrapReps: 20 });
    const fromFiles = evaluate({ bootstrapReps: 20 });
    // The JP and DE ratios were replaced above: the quarterly sample changes, the JST one does not.
    expect(fromStore[1]).toEqual(fromFiles[1]);
    expect(fromStore[0]!.positives + fromStore[0]!.negatives).toBeGreaterThan(2000);
  });
});
