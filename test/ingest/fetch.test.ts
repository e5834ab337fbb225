import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fetchInto } from "../../src/ingest/fetch.ts";
import { fetchSource } from "../../src/io/fetch/sources.ts";
import { loadSeries } from "../../src/store/series.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { runCliAsync } from "../helpers/run-cli.ts";
import { startReplayServer } from "../helpers/replay-server.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

// Every fetch here goes to a local server replaying real recorded responses; none leaves the machine.
let server: Awaited<ReturnType<typeof startReplayServer>>;
let db: { path: string; cleanup: () => void };
let store: Store;
const NOW = () => new Date("2026-12-01T23:50:00.000Z");
beforeAll(async () => {
  server = await startReplayServer();
  db = seededDbPath();
  store = await Store.open({ path: db.path });
});
afterAll(async () => {
  store.close();
  db.cleanup();
  await server.close();
});

const opts = () => ({ baseUrl: server.base, now: NOW });

// Row counts of every table and the newest vintages: what a failed fetch must leave as it was.
async function digest(s: Store): Promise<string> {
  const out: unknown[] = [];
  for (const t of [
    "entities",
    "sheets",
    "positions",
    "series",
    "observations",
    "datasets",
    "imports",
    "fetches",
  ])
    out.push(await s.all(`select '${t}' as t, count(*)::integer as n from ${t}`));
  // Float sums vary with DuckDB's parallel order: the newest vintage instead of a checksum of values.
  out.push(
    await s.all("select max(vintage) as v from series"),
    await s.all("select max(vintage) as v from sheets"),
  );
  return JSON.stringify(out);
}

// An address nothing listens on: a local port taken and released again.
async function closedPort(): Promise<string> {
  const { createServer } = await import("node:net");
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe("bslab fetch against recorded publisher responses", () => {
  it("FRED WALCL: stored as a new vintage (the retrieval time) that reads of the series then use, units kept", async () => {
    const before = (await loadSeries(store, "FRED/WALCL"))!;
    expect(before.vintage).toBe("2026-06-05");
    const r = await fetchInto(store, "fred", ["WALCL"], opts());
    expect(r).toMatchObject({
      url: `${server.base}/graph/fredgraph.csv?id=WALCL`,
      vintage: "2026-12-01T23:50:00Z",
      series: 1,
      observations: 935,
      recordedFormat: true,
    });
    const s = (await loadSeries(store, "FRED/WALCL"))!;
    expect(s).toMatchObject({ vintage: "2026-12-01T23:50:00Z", unit: "USD", scale: 6, entity: "fed" });
    expect(s.observations.find((o) => o.date === "2013-12-25")!.value).toBe(4032575);
    expect(s.observations.at(-1)!.date).toBe("2020-11-11");
    expect(r.inherited[0]).toMatch(/^FRED\/WALCL: unit USD 1e6 and name as stored in vintage 2026-06-05$/);
    // The earlier vintage stays beside it.
    expect((await loadSeries(store, "FRED/WALCL", "2026-06-05"))!.observations.at(-1)!.date > "2026").toBe(
      true,
    );
    const [raw] = await store.all<{ url: string; retrieved_at: string; bytes: number; content: string }>(
      "select url, retrieved_at, bytes, content from fetches",
    );
    expect(raw).toMatchObject({ url: r.url, retrieved_at: "2026-12-01T23:50:00Z", bytes: 17725 });
    expect(raw!.content.startsWith("DATE,WALCL\n")).toBe(true);
  });

  it("FRED graph CSV with two series (observation_date header): both stored", async () => {
    const r = await fetchInto(store, "fred", ["FEDFUNDS", "MORTGAGE30US"], opts());
    expect(r.series).toBe(2);
    const ff = (await loadSeries(store, "FRED/FEDFUNDS"))!;
    expect(ff.observations.find((o) => o.date === "2025-11-01")!.value).toBe(3.88);
  });

  it("ECB Data Portal ILM (SDMX-JSON): the series and the Eurosystem's line 5.2 on the statement's Friday", async () => {
    const r = await fetchInto(store, "ecb", ["ILM", "W.U2.C.A050200.U2.EUR"], opts());
    expect(r).toMatchObject({ series: 1, observations: 6, sheets: 6 });
    const s = (await loadSeries(store, "ECB/ILM/W.U2.C.A050200.U2.EUR"))!;
    expect(s).toMatchObject({ unit: "EUR", scale: 6, entity: "ecb", frequency: "W" });
    expect(s.observations.map((o) => o.value)).toEqual([14230, 14230, 14305, 14305, 14305, 14305]);
    const sheet = (await loadSheet(store, "ecb", "2026-09-18"))!;
    expect(sheet.positions[0]).toMatchObject({ item: "A5.2", value: 14305 });
  });

  it("BIS SDMX REST (SDMX-ML GenericData): the Swiss policy rate, dataset-level UNIT_MULT applied", async () => {
    await fetchInto(store, "bis", ["WS_CBPOL", "M.CH"], opts());
    const s = (await loadSeries(store, "BIS/WS_CBPOL/M.CH"))!;
    expect(s).toMatchObject({ entity: "CH", scale: 0, frequency: "M" });
    expect(s.observations).toEqual([
      { date: "2025-12", value: 0 },
      { date: "2026-01", value: 0 },
      { date: "2026-02", value: 0 },
    ]);
  });

  it("Bank of Japan API (getDataCode JSON): USD/JPY 157.52 on 2025-01-06, holidays missing not zero", async () => {
    await fetchInto(store, "boj", ["FM08", "FXERD01"], opts());
    const s = (await loadSeries(store, "BOJ/FM08/FXERD01"))!;
    expect(s).toMatchObject({ entity: "boj", frequency: "D", unit: "Yen per U.S. Dollar" });
    expect(s.observations[0]).toEqual({ date: "2025-01-06", value: 157.52 });
    expect(s.observations).toHaveLength(19);
  });

  it("a publisher's error (the ECB's recorded 404) is one line and changes nothing", async () => {
    const before = await digest(store);
    await expect(fetchInto(store, "ecb", ["ILM", "M.U2.C.LT3.U2.EUR"], opts())).rejects.toThrow(
      `fetch ecb: ${server.base}/service/data/ILM/M.U2.C.LT3.U2.EUR?format=jsondata answered 404 Not Found: Not Found; nothing was changed`,
    );
    expect(await digest(store)).toBe(before);
  });

  it("DBnomics (format not recorded): the URL it asks for, and a body of another shape refused by name", async () => {
    const src = fetchSource("dbnomics");
    expect(src.recorded).toBe(false);
    expect(src.request(["BIS/WS_CBPOL/M.CH"], "https://api.db.nomics.world").url).toBe(
      "https://api.db.nomics.world/v22/series/BIS/WS_CBPOL/M.CH?observations=1&format=json",
    );
    const ecbBody = await (
      await fetch(`${server.base}/service/data/ILM/W.U2.C.A050200.U2.EUR?format=jsondata`)
    ).text();
    expect(() => src.read(ecbBody, { file: "x.json", url: "u", dataset: "d", vintage: "v" })).toThrow(
      "x.json: not a DBnomics series response: no series.docs",
    );
  });
});

describe("bslab fetch on the command line", () => {
  it("offline: one line on stderr, exit 1, nothing changed", async () => {
    const cli = seededDbPath();
    try {
      const s0 = await Store.open({ path: cli.path });
      const before = await digest(s0);
      s0.close();
      const r = await runCliAsync(["fetch", "fred", "WALCL"], cli.path, {
        BSLAB_FETCH_BASE_URL: await closedPort(),
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(
        /^bslab: fetch fred: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): offline or blocked\? nothing was changed$/,
      );
      const s1 = await Store.open({ path: cli.path });
      expect(await digest(s1)).toBe(before);
      s1.close();
    } finally {
      cli.cleanup();
    }
  });

  it("a fetched vintage is what the next command reads: series show, then the Fed's indicators cite the fetched file", async () => {
    const cli = seededDbPath();
    try {
      const env = { BSLAB_FETCH_BASE_URL: server.base };
      const f = await runCliAsync(["fetch", "fred", "WALCL", "--format", "json"], cli.path, env);
      expect(f.status, f.stderr).toBe(0);
      const vintage = (JSON.parse(f.stdout) as { vintage: string }).vintage;
      const show = await runCliAsync(["series", "show", "FRED/WALCL", "--format", "json"], cli.path, env);
      expect(show.stdout).toContain(vintage);
      const ind = await runCliAsync(["indicators", "fed", "2020-11-11", "--format", "json"], cli.path, env);
      expect(ind.status, ind.stderr).toBe(0);
      expect(ind.stdout).toContain("fred-WALCL.csv");
    } finally {
      cli.cleanup();
    }
  });
});
