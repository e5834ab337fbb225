import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { seededDbPath } from "../helpers/temp-store.ts";

/** Runs `bslab ARGS` against `db` without blocking the test's event loop. */
function bslab(args: string[], db: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/bslab.mjs", ...args], {
      env: { ...process.env, BSLAB_DB: db, FORCE_COLOR: "0" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

const db = seededDbPath();
afterAll(() => db.cleanup());

describe("processes sharing one database", () => {
  it("two read-only commands in parallel succeed 20 times in 20", async () => {
    // Once first, so the template's bundled-data check is recorded (later runs only read).
    expect((await bslab(["sheet", "pboc", "2013-12"], db.path)).status).toBe(0);
    let ok = 0;
    const failures: string[] = [];
    for (let round = 0; round < 20; round++) {
      const runs = await Promise.all([
        bslab(["sheet", "pboc", "2013-12", "--format", "csv"], db.path),
        bslab(["credit-gap", "JP", "--format", "csv"], db.path),
      ]);
      if (runs.every((r) => r.status === 0)) ok++;
      else failures.push(...runs.filter((r) => r.status !== 0).map((r) => r.stderr.trim()));
    }
    expect(failures).toEqual([]);
    expect(ok).toBe(20);
  }, 300_000);

  it("a read while an import writes waits for the lock and succeeds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bslab-cli-"));
    const csv = join(dir, "bankc.csv");
    writeFileSync(
      csv,
      [
        "entity,date,item,side,currency,maturity,value,unit",
        "bankc,2024-12,loans,asset,EUR,long,10,EUR millions",
        "bankc,2024-12,deposits,liability,EUR,short,10,EUR millions",
      ].join("\n"),
    );
    try {
      const [imported, ...reads] = await Promise.all([
        bslab(["import", csv, "--quiet"], db.path),
        bslab(["sheet", "pboc", "2013-12"], db.path),
        bslab(["datasets"], db.path),
        bslab(["sheet", "pboc", "2013-12"], db.path),
      ]);
      expect(imported.status, imported.stderr).toBe(0);
      for (const r of reads) expect(r.status, r.stderr).toBe(0);
      expect((await bslab(["sheet", "bankc", "2024-12"], db.path)).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
