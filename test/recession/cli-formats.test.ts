import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let db: { path: string; cleanup: () => void };
beforeAll(() => {
  db = seededDbPath();
});
afterAll(() => db.cleanup());

describe("bslab recession output formats", () => {
  it("--format csv: one row per year with stage, signals and evidence (Japan's 1990 bust)", () => {
    const r = runCli(["recession", "JP", "--from", "1989", "--to", "1991", "--format", "csv"], db.path);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("year,stage,signals,evidence");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^1990,bust,"leveraged-boom, asset-price-collapse","leveraged boom: credit gap 19\.1 pp/,
    );
  });

  it("evaluate --format json (written after the subcommand) is an array with both AUROCs", () => {
    const r = runCli(["recession", "evaluate", "--format", "json"], db.path);
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{
      composite: { auroc: number };
      creditGap: { auroc: number };
    }>;
    expect(results.length).toBeGreaterThan(0);
    for (const s of results) {
      expect(s.composite.auroc).toBeGreaterThan(0.5);
      expect(s.creditGap.auroc).toBeGreaterThan(0.5);
    }
  });
});
