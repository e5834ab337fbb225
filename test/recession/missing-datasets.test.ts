import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataDir } from "../../src/io/sources/common.ts";
import { evaluateReport } from "../../src/recession/evaluate.ts";
import { diagnose, type Diagnosis } from "../../src/recession/stages.ts";
import { BUNDLED, ensureBundled } from "../../src/ingest/index.ts";
import { Store } from "../../src/store/store.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempDbPath } from "../helpers/temp-store.ts";

// A copy of data/ without the restricted datasets: every other folder is a symlink (no 20 MB copy).
const RESTRICTED = ["jst-macrohistory-r6", "nikkei225-daily"];
const JST_GONE = "not computable: dataset jst-macrohistory-r6 not installed (data/jst-macrohistory-r6/)";
let dir: string;
let previous: string | undefined;

beforeAll(() => {
  const real = dataDir();
  dir = mkdtempSync(join(tmpdir(), "bslab-data-"));
  for (const f of readdirSync(real)) if (!RESTRICTED.includes(f)) symlinkSync(join(real, f), join(dir, f));
  mkdirSync(join(dir, "nikkei225-daily")); // an emptied folder counts as not installed too
  previous = process.env.BSLAB_DATA_DIR;
  process.env.BSLAB_DATA_DIR = dir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.BSLAB_DATA_DIR;
  else process.env.BSLAB_DATA_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

const row = (d: Diagnosis, year: number) => d.timeline.find((r) => r.year === year)!;
const signal = (d: Diagnosis, year: number, id: string) => row(d, year).signals.find((s) => s.id === id)!;

// What the remaining data allow (docs/recession-monitor.md, "Without the restricted datasets"):
// without equity prices (Nikkei, JST eq_capgain) the 1990 bust is invisible - BIS residential
// prices fall only 12-13% within any 5 years until 2002 - and without JST there is no short rate,
// so the monetary mark and the liquidity trap are not computable. The episode is opened by the
// 1997 banking crisis (Laeven-Valencia, RR systemic) and is still a balance-sheet recession:
// deleveraging (BIS credit, sectoral balances) and deflation (BIS long CPI) from the late 1990s,
// asset collapse (BIS house prices) from 2002.
describe("Japan 1985-2010 without JST and Nikkei", () => {
  let d: Diagnosis;
  beforeAll(() => {
    d = diagnose("JP", 1985, 2010);
  });

  it("says which datasets are missing", () => {
    expect(d.missingDatasets.map((m) => m.id)).toEqual(RESTRICTED);
    expect(d.missingDatasets[1]!.inputs).toEqual(["equityDrawdown", "equityBoom3y"]);
  });

  it("signals that need only JST are not computable, with the dataset named", () => {
    for (const y of [1990, 1999, 2005]) {
      expect(signal(d, y, "monetary-ineffective").fired).toBeNull();
      expect(signal(d, y, "monetary-ineffective").detail).toBe(JST_GONE);
      expect(signal(d, y, "liquidity-trap").detail).toBe(JST_GONE);
    }
  });

  it("asset prices fall back to BIS property prices and name the missing equity sources", () => {
    const s = signal(d, 1990, "asset-price-collapse");
    expect(s.fired).toBe(false);
    expect(s.detail).toMatch(/BIS WS_SPP nominal/);
    expect(s.detail).toMatch(
      /equity not computable: dataset nikkei225-daily not installed \(data\/nikkei225-daily\/\)/,
    );
    expect(signal(d, 2002, "asset-price-collapse").fired).toBe(true);
  });

  it("boom from the BIS credit gap, deflation from the BIS long CPI, growth from PFMH", () => {
    expect(row(d, 1989).stage).toBe("boom");
    expect(signal(d, 1989, "leveraged-boom").values.creditGap).toBeGreaterThan(20);
    for (let y = 1999; y <= 2003; y++) {
      expect(signal(d, y, "deflation").fired).toBe(true);
      expect(signal(d, y, "deflation").detail).toMatch(/BIS WS_LONG_CPI/);
    }
    expect(row(d, 1998).notes.join(" ")).toMatch(/real GDP -1\.3%/);
  });

  it("is still a balance-sheet recession, dated from the 1997 banking crisis", () => {
    expect(d.verdict.balanceSheetRecession).toBe(true);
    expect(d.verdict.start).toBe(1997);
    expect(row(d, 1997).stage).toBe("banking crisis");
    expect(d.verdict.summary).toMatch(/monetary policy ineffective none/);
  });

  it("US 1925-45: the bust and crisis are dated (Shiller, RR), the verdict says deleveraging is not computable", () => {
    // No US private credit before the BIS series start without JST: the verdict cannot be confirmed.
    const us = diagnose("US", 1925, 1945);
    expect(us.missingDatasets.map((m) => m.id)).toEqual(["jst-macrohistory-r6"]);
    expect(row(us, 1929).stage).toBe("bust");
    expect(signal(us, 1931, "banking-distress").fired).toBe(true);
    expect(signal(us, 1931, "deflation").fired).toBe(true);
    expect(us.verdict.balanceSheetRecession).toBe(false);
    expect(us.verdict.summary).toMatch(
      /private deleveraging not computable \(.*dataset jst-macrohistory-r6 not installed/,
    );
  });
});

describe("evaluate without JST", () => {
  it("skips the JST sample with a note and keeps the BIS sample", () => {
    const r = evaluateReport({ bootstrapReps: 20 });
    expect(r.results.map((x) => x.name)).toEqual(["BIS quarterly x Laeven-Valencia 2026"]);
    expect(r.skipped).toEqual([
      { name: "JST annual x JST crisis starts", dataset: "jst-macrohistory-r6", reason: JST_GONE },
    ]);
  });
});

describe("store without the restricted datasets", () => {
  it("ensureBundled skips the optional entries whose files are missing", async () => {
    const db = tempDbPath();
    const store = await Store.open({ path: db.path });
    try {
      const loaded = await ensureBundled(store, undefined, dir);
      expect(loaded).toEqual(BUNDLED.map((d) => d.id).filter((id) => !RESTRICTED.includes(id)));
    } finally {
      store.close();
      db.cleanup();
    }
  });
});

describe("CLI without JST and Nikkei", () => {
  it("bslab recession JP prints the missing datasets, the not-computable signals and a verdict", () => {
    const db = tempDbPath();
    try {
      const r = runCli(["recession", "JP", "--from", "1985", "--to", "2010"], db.path);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        /^Datasets not installed: jst-macrohistory-r6 \(data\/jst-macrohistory-r6\/;/m,
      );
      expect(r.stdout).toContain(`monetary-ineffective: ${JST_GONE} [1985-2010]`);
      expect(r.stdout).toMatch(/^Verdict: balance-sheet recession from 1997/m);
    } finally {
      db.cleanup();
    }
  });
});
