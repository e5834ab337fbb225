import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { Store } from "../../src/store/store.ts";
import { seededDbPath, snapshot } from "../helpers/temp-store.ts";

const dir = mkdtempSync(join(tmpdir(), "bslab-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A long CSV of `sheets` balanced sheets (two lines each), built at test time. */
function bigCsv(sheets: number): string {
  const lines = ["entity,date,item,side,currency,maturity,value,unit"];
  for (let i = 0; i < sheets; i++) {
    const date = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    lines.push(`killbank${Math.floor(i / 600)},${date},loans,asset,EUR,long,${i + 1},EUR millions`);
    lines.push(`killbank${Math.floor(i / 600)},${date},deposits,liability,EUR,short,${i + 1},EUR millions`);
  }
  return lines.join("\n") + "\n";
}

async function state(path: string): Promise<string> {
  const store = await Store.open({ path, readOnly: true });
  try {
    return await snapshot(store);
  } finally {
    store.close();
  }
}

describe("kill -9 during an import", () => {
  it("leaves the store as it was before, or with the whole import, never half of it", async () => {
    const csv = join(dir, "big.csv");
    writeFileSync(csv, bigCsv(6000));
    const db = seededDbPath();
    try {
      const before = await state(db.path);
      const outcomes: string[] = [];
      for (const delay of [400, 1200, 2500, 4000]) {
        const child = spawn(process.execPath, ["bin/bslab.mjs", "import", csv, "--quiet"], {
          env: { ...process.env, BSLAB_DB: db.path },
          stdio: "ignore",
        });
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        await new Promise((r) => setTimeout(r, delay));
        child.kill("SIGKILL");
        const code = await exited;
        const after = await state(db.path);
        if (after === before) outcomes.push(`${delay} ms: before`);
        else {
          // Complete: every one of the 6,000 sheets is there.
          const store = await Store.open({ path: db.path, readOnly: true });
          const [row] = await store.all<{ n: number }>(
            "select count(*) as n from sheets where entity like 'killbank%'",
          );
          store.close();
          expect(row!.n, `${delay} ms (exit ${code})`).toBe(6000);
          outcomes.push(`${delay} ms: complete`);
          break; // later runs would re-import the same bytes: nothing left to interrupt
        }
      }
      console.info(`kill -9 outcomes: ${outcomes.join(", ")}`);
      expect(outcomes.length).toBeGreaterThan(0);
    } finally {
      db.cleanup();
    }
  }, 120_000);
});
