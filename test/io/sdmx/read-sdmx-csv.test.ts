import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { seriesToSdmxCsv } from "../../../src/io/export/sdmx.ts";
import { importText } from "../../../src/ingest/import.ts";
import { normalisePeriod, readSdmxCsv, sdmxToSeries } from "../../../src/io/sdmx/read-sdmx-csv.ts";
import type { Series } from "../../../src/model/series.ts";
import { loadSeries } from "../../../src/store/series.ts";
import { Store } from "../../../src/store/store.ts";
import { snapshot, tempDbPath } from "../../helpers/temp-store.ts";

const META = { dataset: "t", vintage: "v" };

// SDMX-CSV 1.0 as the ECB and BIS APIs write it (SDMX 2.1), with UNIT_MULT 6 (millions).
const V1 = `DATAFLOW,FREQ,REF_AREA,ITEM,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS
ECB:ILM(1.0),W,U2,T000000,2013-12-27,2285399,EUR,6,A
ECB:ILM(1.0),W,U2,T000000,2014-01-03,2275000.5,EUR,6,A
ECB:ILM(1.0),W,U2,L010000,2013-12-27,958300,EUR,6,A
`;

// SDMX-CSV 2.0 (SDMX 3.0) with labels: "ID: Name" headers and "code: label" cells.
const V2 = `STRUCTURE,STRUCTURE_ID,ACTION,FREQ: Frequency,REF_AREA: Reference area,TIME_PERIOD: Time,OBS_VALUE: Value,UNIT_MULT: Unit multiplier,UNIT_MEASURE: Unit
dataflow,BIS:WS_TC(2.0),I,Q: Quarterly,JP: Japan,2013-Q4,1.5,9: Billions,JPY: Yen
dataflow,BIS:WS_TC(2.0),I,Q: Quarterly,JP: Japan,2014-Q1,1.75,9: Billions,JPY: Yen
dataflow,BIS:WS_TC(2.0),D,Q: Quarterly,JP: Japan,2014-Q2,9,9: Billions,JPY: Yen
`;

describe("SDMX-CSV reader", () => {
  it("1.0: series keyed AGENCY/FLOW/KEY, unit from UNIT_MEASURE and scale from UNIT_MULT", () => {
    const list = sdmxToSeries(readSdmxCsv(V1, "ecb.csv"), "ecb.csv", META);
    expect(list.map((s) => [s.id, s.entity, s.frequency, s.unit, s.scale, s.observations.length])).toEqual([
      ["ECB/ILM/W.U2.T000000", "U2", "W", "EUR", 6, 2],
      ["ECB/ILM/W.U2.L010000", "U2", "W", "EUR", 6, 1],
    ]);
    expect(list[0]!.observations[1]).toEqual({ date: "2014-01-03", value: 2275000.5 });
  });

  it("2.0 with labels: codes kept, labels dropped, ACTION D rows skipped, UNIT_MULT 9 stored", () => {
    const data = readSdmxCsv(V2, "bis.csv");
    expect(data.version).toBe("2.0");
    const [s] = sdmxToSeries(data, "bis.csv", META);
    expect(s).toMatchObject({ id: "BIS/WS_TC/Q.JP", entity: "JP", frequency: "Q", unit: "JPY", scale: 9 });
    expect(s!.observations).toEqual([
      { date: "2013-Q4", value: 1.5 },
      { date: "2014-Q1", value: 1.75 },
    ]);
  });

  it("periods: SDMX codes normalised to what bslab stores; semesters refused", () => {
    expect(
      ["2013", "2013-Q4", "2013Q4", "2013-12", "2013-M12", "2013-W52", "2013-12-25", "2013-S2"].map(
        (p) => normalisePeriod(p)?.date,
      ),
    ).toEqual(["2013", "2013-Q4", "2013-Q4", "2013-12", "2013-12", "2013-W52", "2013-12-25", undefined]);
  });

  it("a series whose UNIT_MULT changes between rows is refused, naming the row", () => {
    const bad = V1.replace("2014-01-03,2275000.5,EUR,6", "2014-01-03,2275.0005,EUR,9");
    expect(() => sdmxToSeries(readSdmxCsv(bad, "ecb.csv"), "ecb.csv", META)).toThrow(
      "ecb.csv: row 3, column UNIT_MULT: UNIT_MULT 9 differs from 6 used earlier for series ECB/ILM/W.U2.T000000; one series has one scale (convert first)",
    );
  });

  it("text in OBS_VALUE, or a stray comma, names file, row and column", () => {
    expect(() => readSdmxCsv(V1.replace("958300", "958,3OO"), "ecb.csv")).toThrow(
      "ecb.csv: row 4: row has 10 cells, the header has 9 (an unquoted comma in a value?)",
    );
    expect(() => readSdmxCsv(V1.replace("958300", "n/a"), "ecb.csv")).toThrow(
      'ecb.csv: row 4, column OBS_VALUE: not a number: "n/a" (expected a number or an empty cell)',
    );
  });
});

describe("SDMX-CSV round trip through the store", () => {
  let store: Store;
  let cleanup: () => void;
  beforeEach(async () => {
    const db = tempDbPath();
    store = await Store.open({ path: db.path });
    cleanup = () => (store.close(), db.cleanup());
  });
  afterEach(() => cleanup());

  it("import 1.0 with UNIT_MULT 6, export as SDMX-CSV, import again: same series, UNIT_MULT kept", async () => {
    await importText(store, V1, "ecb.csv", { vintage: "2026-01-01" });
    const first = (await loadSeries(store, "ECB/ILM/W.U2.T000000"))!;
    expect(first).toMatchObject({ unit: "EUR", scale: 6 });
    const text = seriesToSdmxCsv([first]);
    expect(text.split("\n")[0]).toBe(
      "DATAFLOW,SERIES,REF_AREA,FREQ,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,TITLE,SOURCE",
    );
    expect(text.split("\n")[1]).toBe(
      "BSLAB:SERIES(1.0),ECB/ILM/W.U2.T000000,U2,W,2013-12-27,2285399,EUR,6,ECB/ILM/W.U2.T000000,import:ecb.csv: ecb.csv",
    );
    const db2 = tempDbPath();
    const other = await Store.open({ path: db2.path });
    try {
      const r = await importText(other, text, "export.csv", { vintage: "2026-02-01" });
      expect(r.mapping).toBe("sdmx-csv");
      const again = (await loadSeries(other, first.id))!;
      const strip = ({ dataset: _d, file: _f, vintage: _v, ...s }: Series) => s;
      expect(strip(again)).toEqual(strip(first));
    } finally {
      other.close();
      db2.cleanup();
    }
  });

  it("a bad SDMX file leaves the store unchanged", async () => {
    await importText(store, V1, "ecb.csv", { vintage: "2026-01-01" });
    const before = await snapshot(store);
    await expect(importText(store, V2.replace("1.75", "1.7.5"), "bis.csv")).rejects.toThrow(
      'bis.csv: row 3, column OBS_VALUE: not a number: "1.7.5"',
    );
    expect(await snapshot(store)).toBe(before);
  });
});
