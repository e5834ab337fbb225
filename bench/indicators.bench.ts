// Time series of every central-bank indicator over all PBoC months, against a baseline that reads
// the same four lines by item key and divides (no selectors, no traced inputs).
import { computeAll } from "../src/indicators/compute.ts";
import { listIndicators } from "../src/indicators/registry.ts";
import { buildPbocSheets, readPbocLongCsv } from "../src/io/pboc/monetary-authority.ts";
import { readFileSync } from "node:fs";

const file = "pboc-monetary-authority/monetary_authority_bs_long_2000_2020.csv";
const sheets = buildPbocSheets(readPbocLongCsv(readFileSync(`data/${file}`, "utf8"), file));
const defs = listIndicators({ level: ["central-bank", "sector"] });

function time(label: string, runs: number, work: () => number): number {
  work();
  const t = performance.now();
  let sink = 0;
  for (let i = 0; i < runs; i++) sink += work();
  const ms = (performance.now() - t) / runs;
  console.log(`${label}: ${ms.toFixed(2)} ms per pass (${sheets.length} months) [${sink > 0 ? "ok" : "?"}]`);
  return ms;
}

const engine = time(`engine, ${defs.length} indicators`, 20, () => {
  let n = 0;
  for (const sheet of sheets) n += computeAll(defs, { entity: "pboc", date: sheet.date, sheet }).length;
  return n;
});
const baseline = time("baseline, 4 hand-coded shares", 20, () => {
  let n = 0;
  for (const s of sheets) {
    const v = (k: string) => s.positions.find((p) => p.item === k)?.value ?? 0;
    const t = v("total_liabilities");
    if (t !== 0)
      n +=
        v("currency_issue") / t +
        v("bond_issue") / t +
        v("deposits_of_government") / t +
        v("foreign_exchange") / t;
  }
  return n;
});
console.log(
  `ratio engine / baseline: ${(engine / baseline).toFixed(1)}x (per indicator: ${(engine / defs.length / (baseline / 4)).toFixed(1)}x)`,
);
