/**
 * A checkout (not the installed package) under a path with a space and Chinese characters, as on
 * `C:\Users\张三\` or `~/经济 研究/`: its bin builds dist/ there and the CLI reads the bundled data
 * from there. The copy is cheap: the checkout's files hard-linked (read only), node_modules a link.
 */
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { Store } from "../../src/store/store.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "bslab-checkout-"));
const checkout = join(tmp, "经济 研究", "bslab");

/** Hard-links every file under `from` into `to` (same tree; folders created). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    if (entry.isDirectory()) linkTree(src, join(to, entry.name));
    else if (entry.isFile()) linkSync(src, join(to, entry.name));
  }
}

// What running a checkout needs; dist/ is left out so the copy's bin builds its own.
for (const part of ["bin", "src", "scripts", "data", "models"])
  linkTree(join(ROOT, part), join(checkout, part));
linkSync(join(ROOT, "package.json"), join(checkout, "package.json"));
symlinkSync(join(ROOT, "node_modules"), join(checkout, "node_modules"), "dir");

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bslab = (args: string[], db: string) =>
  spawnSync(process.execPath, [join(checkout, "bin", "bslab.mjs"), ...args], {
    cwd: tmp,
    encoding: "utf8",
    env: { ...process.env, BSLAB_DB: db, FORCE_COLOR: "0" },
    timeout: 230_000,
  });

describe("a checkout under a path with a space and CJK characters", () => {
  const db = seededDbPath();
  afterAll(() => db.cleanup());

  it("builds its dist/ there and loads a bundled dataset from its data/", async () => {
    // The store lacks one bundled dataset: the CLI must read it from the copy's data/ folder.
    const store = await Store.open({ path: db.path });
    await store.run("delete from datasets where id = 'shiller-us-market-and-housing'");
    await store.run("delete from bundled_files where dataset = 'shiller-us-market-and-housing'");
    store.close();

    const r = bslab(["datasets", "--format", "json"], db.path);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const shiller = (JSON.parse(r.stdout) as Array<{ id: string; series: number }>).find(
      (d) => d.id === "shiller-us-market-and-housing",
    );
    expect(shiller?.series).toBeGreaterThan(0);
    expect(readdirSync(join(checkout, "dist", "cli"))).toContain("main.js");

    // Shiller's CAPE peak, September 1929, as published: 32.56.
    const cape = bslab(
      ["series", "show", "SHILLER/ie_data/cape", "--from", "1929-09", "--to", "1929-09", "--format", "csv"],
      db.path,
    );
    expect(cape.status).toBe(0);
    expect(cape.stdout).toMatch(/^1929-09,32\.56/m);
  }, 240_000);
});
