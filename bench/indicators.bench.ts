// Time series of every central-bank and sector indicator over PBoC months (compiled one-pass values,
// and the traced results with lines and notes), against a baseline that
// reads the same four lines by item key and divides (no selectors, no traced inputs).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { compileIndicator, evaluateAll } from "../src/indicators/compiled.ts";
import { computeAll } from "../src/indicators/compute.ts";
import { listIndicators } from "../src/indicators/registry.ts";
import { buildPbocSheets, readPbocLongCsv } from "../src/io/pboc/monetary-authority.ts";
import { bench } from "./lib/index.ts";

const file = "pboc-monetary-authority/monetary_authority_bs_long_2000_2020.csv";
const path = fileURLToPath(new URL(`../data/${file}`, import.meta.url));
const sheets = buildPbocSheets(readPbocLongCsv(readFileSync(path, "utf8"), file));
const defs = listIndicators({ level: ["central-bank", "sector"] });
// Compiled once, outside the timed loop: that is the point of compiling.
const compiled = defs.map(compileIndicator);

const results = await bench({
  title: `indicators (${defs.length} definitions)`,
  sizes: [
    { label: "24 months", value: sheets.slice(-24) },
    { label: `${sheets.length} months`, value: sheets },
  ],
  baseline: {
    label: "4 hand-coded shares",
    run: (months) => {
      let n = 0;
      for (const s of months) {
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
    },
  },
  cases: [
    {
      label: `compiled, ${defs.length} indicators, one pass`,
      run: (months) => {
        const values = evaluateAll(
          compiled,
          months.map((sheet) => ({ entity: "pboc", date: sheet.date, sheet })),
        );
        let n = 0;
        for (const row of values) for (const v of row) if (v !== null) n += v;
        return n;
      },
    },
    {
      label: `traced engine (lines and notes), ${defs.length} indicators`,
      run: (months) => {
        let n = 0;
        for (const sheet of months) n += computeAll(defs, { entity: "pboc", date: sheet.date, sheet }).length;
        return n;
      },
    },
  ],
});
for (const r of results)
  console.log(`per indicator at ${r.size}: ${(r.ratio / (defs.length / 4)).toFixed(1)}x a hand-coded share`);
