// All central-bank and sector indicators (23) for every PBoC month, compiled engine (one pass over a
// dense matrix of the sheets' lines) and traced engine (lines and notes per cell), against a
// hand-coded baseline measured in the same loop: for each month, read four lines by item key
// (currency issue, bond issue, government deposits, foreign exchange) and divide each by total
// liabilities, i.e. four of the 23 shares, hand-coded (no selectors, no traced inputs).
// Since the engine computes 23 indicators and the baseline 4, the per-indicator ratio
// (ratio / (23 / 4)) is printed too. Sizes: 63 and 252 months of the bundled long CSV, and the 252
// months as four entities (1008 sheets), so the growth with size shows.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { compileIndicator, evaluateAll } from "../src/indicators/compiled.ts";
import { computeAll, type IndicatorInput } from "../src/indicators/compute.ts";
import { listIndicators } from "../src/indicators/registry.ts";
import { buildPbocSheets, readPbocLongCsv } from "../src/io/pboc/monetary-authority.ts";
import type { BalanceSheet } from "../src/model/balance-sheet.ts";
import { bench } from "./lib/index.ts";

const file = "pboc-monetary-authority/monetary_authority_bs_long_2000_2020.csv";
const path = fileURLToPath(new URL(`../data/${file}`, import.meta.url));
const sheets = buildPbocSheets(readPbocLongCsv(readFileSync(path, "utf8"), file));
// Four entities with the same months: new sheet and line objects, so nothing is shared but shapes.
const fourTimes = [0, 1, 2, 3].flatMap((e) =>
  sheets.map((s) => ({ ...s, entity: `pboc${e}`, positions: s.positions.map((p) => ({ ...p })) })),
);
const defs = listIndicators({ level: ["central-bank", "sector"] });
// Compiled once, outside the timed loop: that is the point of compiling (it reads no data).
const compiled = defs.map(compileIndicator);
const inputsOf = (months: readonly BalanceSheet[]): IndicatorInput[] =>
  months.map((sheet) => ({ entity: sheet.entity, date: sheet.date, sheet }));

const sizes = [
  { label: "63 months", value: inputsOf(sheets.slice(-63)) },
  { label: `${sheets.length} months`, value: inputsOf(sheets) },
  { label: `4 x ${sheets.length} months`, value: inputsOf(fourTimes) },
];
const results = await bench({
  title: `indicators (${defs.length} definitions)`,
  sizes,
  baseline: {
    label: "4 hand-coded shares (item lookups)",
    run: (inputs) => {
      let n = 0;
      for (const { sheet: s } of inputs) {
        const v = (k: string) => s!.positions.find((p) => p.item === k)?.value ?? 0;
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
      run: (inputs) => {
        const { values } = evaluateAll(compiled, inputs);
        let n = 0;
        for (const col of values) for (const v of col) if (v === v) n += v;
        return n;
      },
    },
    {
      label: `compiled + reasons of the not-computable cells`,
      run: (inputs) => {
        const all = evaluateAll(compiled, inputs);
        let n = 0;
        for (let k = 0; k < compiled.length; k++)
          for (let i = 0; i < inputs.length; i++) if (all.value(i, k) === null) n += all.note(i, k).en.length;
        return n;
      },
      when: (inputs) => inputs.length <= sheets.length,
    },
    {
      label: `traced engine (lines and notes), ${defs.length} indicators`,
      run: (inputs) => {
        let n = 0;
        for (const input of inputs) n += computeAll(defs, input).length;
        return n;
      },
      when: (inputs) => inputs.length <= sheets.length,
    },
  ],
});

const perIndicator = defs.length / 4;
console.log(`\nper indicator (ratio / (${defs.length} / 4)):`);
for (const r of results)
  console.log(`  ${r.size}, ${r.label}: ${(r.ratio / perIndicator).toFixed(2)}x a hand-coded share`);
const main = results.filter((r) => r.label.startsWith("compiled,"));
for (let k = 1; k < main.length; k++) {
  const [a, b] = [main[k - 1]!, main[k]!];
  const na = sizes.find((s) => s.label === a.size)!.value.length;
  const nb = sizes.find((s) => s.label === b.size)!.value.length;
  const exponent = Math.log(b.medianMs / a.medianMs) / Math.log(nb / na);
  console.log(
    `growth ${a.size} -> ${b.size}: x${(nb / na).toFixed(1)} sheets, x${(b.medianMs / a.medianMs).toFixed(2)} time ` +
      `(exponent ${exponent.toFixed(2)}; 1 = linear)`,
  );
}
