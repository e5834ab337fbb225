import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { call, multipart, testServer } from "../server/helpers.ts";

// A user's central-bank sheet in the long layout (THB billions): FX 4,000 of 5,000 assets, foreign
// liabilities 100, currency issued 1,500, bank deposits 2,000. Every figure below follows by hand.
const FIXTURE = "test/fixtures/import/mybank-central-bank.csv";

describe("an imported central bank is analysed exactly as a bundled one (CLI)", () => {
  let db: { path: string; cleanup: () => void };
  beforeAll(() => {
    db = seededDbPath();
    const r = runCli(["import", FIXTURE, "--entity-kind", "central-bank", "--quiet"], db.path);
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => db.cleanup());

  it("bslab indicators mybank 2013-12: the central-bank indicators, by hand from the file", () => {
    const r = runCli(["indicators", "mybank", "2013-12", "--format", "json"], db.path);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; value: number | null; unit: string }[];
    const v = (id: string) => rows.find((x) => x.id === id)?.value;
    expect(v("cb.fx_assets_share")).toBe(4000 / 5000);
    expect(v("cb.fx_to_foreign_liabilities")).toBe(40);
    expect(v("cb.net_fx_position")).toBe(3900);
    expect(v("cb.currency_issued_share")).toBe(1500 / 5000);
    expect(v("cb.financial_deposits_share")).toBe(2000 / 5000);
    expect(rows.find((x) => x.id === "cb.net_fx_position")!.unit).toBe("THB billions (1e9)");
  });

  it("without --entity-kind the kind is unset and only the sector indicators apply", () => {
    const other = seededDbPath();
    try {
      expect(runCli(["import", FIXTURE, "--quiet"], other.path).status).toBe(0);
      const r = runCli(["indicators", "mybank", "2013-12", "--format", "json"], other.path);
      const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id.startsWith("sector."))).toBe(true);
      const bad = runCli(["import", FIXTURE, "--entity-kind", "bank", "--quiet"], other.path);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^bslab: invalid --entity-kind: "bank" \(expected central-bank, /);
    } finally {
      other.cleanup();
    }
  });

  it("bslab compare pboc mybank: both columns with Table 2 verdicts", () => {
    const r = runCli(["compare", "pboc", "mybank", "--date", "2013-12", "--format", "json"], db.path);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      indicators: { entity: string; id: string; value: number | null }[];
      verdicts: { entity: string; type: string }[];
    };
    expect(out.indicators.find((x) => x.entity === "mybank" && x.id === "cb.fx_assets_share")!.value).toBe(
      0.8,
    );
    expect(out.verdicts.filter((x) => x.entity === "mybank").map((x) => x.type)).toContain("currency");
  });

  it("bslab report mybank: the mismatch report names the bank and its figures", () => {
    const r = runCli(["report", "mybank", "--date", "2013-12", "--format", "md", "--out", "-"], db.path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("mybank");
    expect(r.stdout).toContain("80.0%");
  });
});

describe("an imported central bank through the API (no browser)", () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer();
    const up = await call(server.app, {
      method: "POST",
      url: "/api/imports?entityKind=central-bank",
      ...multipart("mybank-central-bank.csv", readFileSync(FIXTURE)),
    });
    expect(up.status, up.raw).toBe(201);
  });
  afterAll(() => server.cleanup());

  it("/api/indicators/mybank/2013-12 answers with the central-bank indicators and an assessment", async () => {
    const r = await call<{ results: { id: string; value: number | null }[]; assessment: unknown }>(
      server.app,
      "/api/indicators/mybank/2013-12",
    );
    expect(r.status, r.raw).toBe(200);
    expect(r.body.results.find((x) => x.id === "cb.fx_assets_share")!.value).toBe(0.8);
    expect(r.body.assessment).not.toBeNull();
  });

  it("/api/compare?entities=pboc,mybank puts the imported bank beside the PBoC", async () => {
    const r = await call<{ entities: { entity: string; verdicts: unknown[] }[] }>(
      server.app,
      "/api/compare?entities=pboc,mybank&date=2013-12",
    );
    expect(r.status, r.raw).toBe(200);
    expect(r.body.entities.map((e) => e.entity)).toEqual(["pboc", "mybank"]);
    expect(r.body.entities[1]!.verdicts.length).toBe(3);
  });
});
