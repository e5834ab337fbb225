// The CLI forms of simulator issue #7, run as a user would (node bin/bslab.mjs ...).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../bin/bslab.mjs", import.meta.url));

async function bslab(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run("node", [BIN, ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe("bslab sim", () => {
  it("run: CSV with a period column then every variable", async () => {
    const { stdout, code } = await bslab("sim", "run", "pc", "--periods", "10", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]!.startsWith("period,Y,YD,T,V,C,")).toBe(true);
    expect(Number(lines[2]!.split(",")[1])).toBeCloseTo(38.46153846, 8);
  });

  it("run --shock: periods before the shock hold the stationary state (SIM, G 20 -> 25 @5)", async () => {
    const { stdout } = await bslab("sim", "run", "SIM", "--periods", "6", "--shock", "Gd=25@5");
    const rows = stdout
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const y = rows[0]!.indexOf("Y");
    expect(Number(rows[4]![y])).toBeCloseTo(100, 6);
    expect(Number(rows[5]![y])).toBeCloseTo(109.61538462, 6);
  });

  it("sweep over worker threads: one row per run, grid values then outputs, stdout clean", async () => {
    const { stdout, code } = await bslab(
      "sim",
      "sweep",
      "pc",
      "--periods",
      "20",
      "--grid",
      "rbar=0.01:0.02:0.01",
      "--grid",
      "alpha1=0.55:0.6:0.05",
      "--output",
      "Y@2,Y@20",
      "--threads",
      "2",
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("rbar,alpha1,Y@2,Y@20,error");
    expect(lines).toHaveLength(5);
    expect(lines[1]!.startsWith("0.01,0.55,")).toBe(true);
  });

  it("check: reports blocks and consistent matrices", async () => {
    const { stdout, code } = await bslab("sim", "check", "pc");
    expect(code).toBe(0);
    expect(stdout).toContain("block 1 simultaneous: Y, YD, T, C");
    expect(stdout).toContain("ok   matrix transactions (8 rows x 5 columns)");
  });

  it("a broken file: one line on stderr naming line and column, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bslab-sfc-"));
    const file = join(dir, "broken.sfc");
    writeFileSync(file, "model B\nequations\n  Y = C + * G\n");
    const { stdout, stderr, code } = await bslab("sim", "run", file, "--periods", "5");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("bslab: broken.sfc, line 3, col 11: expected a number, a name or '(', found '*'\n");
  });
});
