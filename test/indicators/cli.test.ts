import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Table2 } from "../../src/indicators/table2.ts";
import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let db: { path: string; cleanup: () => void };
beforeAll(() => {
  db = seededDbPath();
});
afterAll(() => db.cleanup());

describe("bslab indicators / compare", () => {
  it("JSON is an array of {id, value, unit, note}; PBoC 2013-12 at the study's precision", () => {
    const r = runCli(["indicators", "pboc", "2013-12", "--format", "json"], db.path);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; value: number | null; unit: string; note: string }[];
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(["id", "value", "unit", "note"]));
      expect(row.value === null || Number.isFinite(row.value)).toBe(true);
    }
    const v = (id: string) => rows.find((x) => x.id === id)!.value!;
    expect(v("cb.currency_issued_share").toFixed(3)).toBe("0.205");
    expect(v("cb.fx_to_foreign_liabilities").toFixed(1)).toBe("126.5");
    expect(rows.find((x) => x.id === "cb.net_fx_position")!.unit).toBe("CNY hundred millions (1e8)");
  });

  it("the other depository corporations (S.122) get the sector indicators, not the country ones", () => {
    const r = runCli(["indicators", "pboc-odc", "2013-12", "--format", "json"], db.path);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; value: number | null }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.id.startsWith("sector."))).toBe(true);
    expect(rows.find((x) => x.id === "sector.deposits_to_capital")!.value!.toFixed(2)).toBe("31.12");
  });

  it("table in Chinese shows the verdicts", () => {
    const r = runCli(["indicators", "pboc", "2013-12", "--lang", "zh"], db.path);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("严重的债权型货币错配");
    expect(r.stdout).toContain("货币发行占总负债比重");
  });

  it("Figure 1 series as CSV, 2002-12 .. 2013-12", () => {
    const ids = [
      "cb.currency_issued_share",
      "cb.financial_deposits_share",
      "cb.bonds_issued_share",
      "cb.government_deposits_share",
    ];
    const r = runCli(
      ["indicators", "pboc", "--from", "2002-12", "--to", "2013-12", "--id", ...ids, "--format", "csv"],
      db.path,
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(`date,${ids.join(",")}`);
    expect(lines).toHaveLength(134);
    expect(lines[133]!.startsWith("2013-12,0.2048")).toBe(true);
  });

  it("compare: every Table 2 cell equals the study's or is not computable naming its input", () => {
    const r = runCli(
      ["compare", "pboc", "fed", "boj", "ecb", "--date", "2013-12", "--format", "json"],
      db.path,
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Table2;
    expect(out.verdicts).toHaveLength(12);
    for (const v of out.verdicts) {
      if (v.match) continue;
      expect(v.level, `${v.entity} ${v.type}`).toBe("not computable");
      expect(v.missing!.length).toBeGreaterThan(0);
      expect(v.missing![0]!.howTo.en).toMatch(/bslab (import|fetch)|bundled/);
    }
    for (const c of out.conclusions) if (!c.match) expect(c.complete, c.entity).toBe(false);
    const pboc = out.verdicts.filter((x) => x.entity === "pboc");
    expect(pboc.find((v) => v.type === "currency")!.text.en).toBe("severe creditor-type currency mismatch");
    expect(pboc.find((v) => v.type === "capital-structure")!.match).toBe(true);
    const fedMaturity = out.verdicts.find((v) => v.entity === "fed" && v.type === "maturity")!;
    expect(fedMaturity.match).toBe(true);
    const cur = out.indicators.find((x) => x.entity === "fed" && x.id === "cb.currency_issued_share")!;
    if (!cur.match) expect(cur.gap!.lines.join(" ")).toMatch(/CURRCIR|Federal Reserve notes/);
  });

  it.each([
    [
      ["indicators", "xyz", "2013-12"],
      /^bslab: unknown entity: "xyz" \(central banks: boj, ecb, fed, pboc; depository corporations: pboc-odc; or an External Wealth of Nations country name such as China\)$/,
      1,
    ],
    [
      ["indicators", "pboc", "2013-13"],
      /^bslab: invalid date: "2013-13" \(expected YYYY, YYYY-MM or YYYY-MM-DD, e\.g\. 2013-12\)$/,
      2,
    ],
    [["indicators", "pboc", "2013-12", "--id", "cb.nope"], /^bslab: unknown indicator id: "cb.nope"/, 1],
  ])("bad input %j: one-line error, exit 1 (2 for usage)", (args, message, status) => {
    const r = runCli(args, db.path);
    expect(r.status).toBe(status);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});
