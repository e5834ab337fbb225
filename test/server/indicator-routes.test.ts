import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { call, testServer, type ErrorAnswer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

interface Result {
  id: string;
  value: number | null;
  inputs: Array<{ term: string; lines: Array<{ item: string; value: number; source: string }> }>;
}

describe("indicators", () => {
  it("GET /api/indicators lists the registry with the ids scripts depend on", async () => {
    const r = await call<{ indicators: Array<{ id: string; citation: { author: string } }> }>(
      server.app,
      "/api/indicators?level=central-bank",
    );
    expect(r.status).toBe(200);
    expect(r.body.indicators.map((d) => d.id)).toEqual(
      expect.arrayContaining(["cb.currency_issued_share", "cb.fx_assets_share", "cb.net_fx_position"]),
    );
    expect((await call(server.app, "/api/indicators?level=planet")).status).toBe(400);
  });

  it("PBoC 2013-12: currency issued 20.5% and FX assets 83.3% (Peng and Xie 2014, Table 2), with their lines", async () => {
    const r = await call<{ results: Result[]; assessment: { conclusion: { en: string } } }>(
      server.app,
      "/api/indicators/pboc/2013-12",
    );
    expect(r.status).toBe(200);
    const get = (id: string) => r.body.results.find((x) => x.id === id)!;
    expect(get("cb.currency_issued_share").value!.toFixed(3)).toBe("0.205");
    expect(get("cb.fx_assets_share").value!.toFixed(3)).toBe("0.833");
    const lines = get("cb.fx_assets_share").inputs.flatMap((i) => i.lines);
    expect(lines.find((l) => l.item === "foreign_exchange")).toMatchObject({
      value: 264270.04,
      source: "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls:9",
    });
    expect(r.body.assessment.conclusion.en).toContain("severe creditor-type currency mismatch");
  });

  it("the Figure 1 series 2002-12..2013-12", async () => {
    const r = await call<{ rows: Array<{ date: string; values: Record<string, number | null> }> }>(
      server.app,
      "/api/indicators/pboc/series?from=2002-12&to=2013-12&ids=cb.currency_issued_share,cb.government_deposits_share",
    );
    expect(r.status).toBe(200);
    expect(r.body.rows[0]!.date).toBe("2002-12");
    const last = r.body.rows.at(-1)!;
    expect(last.date).toBe("2013-12");
    expect(last.values["cb.government_deposits_share"]!.toFixed(3)).toBe("0.090");
  });

  it("compare: the four central banks, the study's figures matched, the verdicts", async () => {
    const r = await call<{
      entities: Array<{
        entity: string;
        indicators: Array<{ id: string; match: boolean | null }>;
        verdicts: Array<{ type: string; level: string; study: { level: string } | null }>;
      }>;
    }>(server.app, "/api/compare?entities=pboc,fed,boj,ecb&date=2013-12");
    expect(r.status).toBe(200);
    expect(r.body.entities.map((e) => e.entity)).toEqual(["pboc", "fed", "boj", "ecb"]);
    const pboc = r.body.entities[0]!;
    expect(pboc.indicators.filter((i) => i.match === false)).toEqual([]);
    expect(pboc.verdicts.find((v) => v.type === "currency")).toMatchObject({
      level: "severe",
      study: { level: "severe" },
    });
    for (const e of r.body.entities)
      for (const v of e.verdicts) if (v.level !== "not computable") expect(v.study).not.toBeNull();
  });

  it("the other depository corporations: sector indicators, no country ones, no central-bank verdicts", async () => {
    const r = await call<{ results: Array<{ id: string; value: number | null }>; assessment: unknown }>(
      server.app,
      "/api/indicators/pboc-odc/2013-12",
    );
    expect(r.status).toBe(200);
    expect(r.body.results.every((x) => x.id.startsWith("sector."))).toBe(true);
    expect(r.body.results.find((x) => x.id === "sector.deposits_to_capital")!.value!.toFixed(2)).toBe(
      "31.12",
    );
    expect(r.body.assessment).toBeNull();
  });

  it("bad input: unknown entity 404, unknown id 400, not a central bank 400, missing range 400", async () => {
    const unknown = await call<ErrorAnswer>(server.app, "/api/indicators/nobank/2013-12");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/^unknown entity: "nobank"/);
    const id = await call<ErrorAnswer>(server.app, "/api/indicators/pboc/2013-12?ids=cb.nope");
    expect(id.status).toBe(400);
    expect(id.body.error.message).toMatch(/^unknown indicator id: "cb\.nope"/);
    const cmp = await call<ErrorAnswer>(server.app, "/api/compare?entities=pboc,pboc-odc&date=2013-12");
    expect(cmp.status).toBe(400);
    expect(cmp.body.error.message).toBe(
      'compare takes central banks (boj, ecb, fed, pboc; import another with --entity-kind central-bank); got "pboc-odc"',
    );
    const range = await call<ErrorAnswer>(server.app, "/api/indicators/pboc/series?from=2002-12");
    expect(range.status).toBe(400);
    expect(range.body.error.message).toBe("invalid querystring: / must have required property 'to'");
  });
});

describe("country-level indicators (External Wealth of Nations)", () => {
  it("lists the economies; China 1990-2021 net external debt / net FDI with its EWN inputs", async () => {
    const list = await call<{ economies: Array<{ name: string; ifs: string }> }>(
      server.app,
      "/api/economies",
    );
    expect(list.status).toBe(200);
    expect(list.body.economies.length).toBeGreaterThan(100);
    expect(list.body.economies).toContainEqual({ name: "China", ifs: "924" });
    const id = "country.net_external_debt_to_net_fdi";
    const s = await call<{ rows: Array<{ date: string; values: Record<string, number | null> }> }>(
      server.app,
      `/api/indicators/China/series?from=1990&to=2021&ids=${id}`,
    );
    expect(s.status).toBe(200);
    expect(s.body.rows.map((r) => r.date)).toEqual(Array.from({ length: 32 }, (_, i) => String(1990 + i)));
    expect(s.body.rows.every((r) => typeof r.values[id] === "number")).toBe(true);
    const at = await call<{
      results: Array<{ value: number; inputs: Array<{ term: string; lines: Array<{ source: string }> }> }>;
    }>(server.app, `/api/indicators/China/2013?ids=${id}`);
    expect(at.status).toBe(200);
    expect(at.body.results[0]!.value).toBeCloseTo(-2.1857, 3);
    expect(at.body.results[0]!.inputs.map((i) => i.term)).toEqual([
      "debt_liabilities",
      "debt_assets",
      "fx_reserves",
      "fdi_liabilities",
      "fdi_assets",
    ]);
    expect(at.body.results[0]!.inputs[0]!.lines[0]!.source).toContain(
      "EWN/2022-12/924.debt_liabilities:2013",
    );
    expect((await call(server.app, "/api/indicators/Atlantis/series?from=1990&to=2021")).status).toBe(404);
    expect((await call(server.app, "/api/economies?x=1")).status).toBe(400);
  });
});
