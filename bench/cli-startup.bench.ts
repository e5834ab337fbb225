/**
 * Whole-process CLI start-up, each command next to a bare `node -e 0` in the same loop (median of
 * 7 by default): `bslab --version`, `bslab sheet pboc 2013-12` on a warm database, and the 1,000-run
 * PC sweep of the simulator issue (with a 100-run sweep as the smaller size).
 *
 * Cases: the compiled CLI (dist/, what the installed package runs), the checkout's bin (which first
 * checks dist/ against src/), and with --tsx the sources through tsx (the way every run went before
 * the build). dist/ is rebuilt first when stale.
 * Run: node --import tsx bench/cli-startup.bench.ts [--tsx] [--runs N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildJs, distIsFresh } from "../scripts/build.mjs";
import { bench, processCase } from "./lib/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
if (!distIsFresh(root)) await buildJs(root);

const tmp = mkdtempSync(join(tmpdir(), "bslab-bench-startup-"));
const env = { ...process.env, BSLAB_DB: join(tmp, "bench.duckdb"), FORCE_COLOR: "0" };
const sweep = (theta: string) => [
  "sim",
  "sweep",
  "pc",
  "--periods",
  "100",
  "--grid",
  "rbar=0.010:0.055:0.005",
  "--grid",
  "alpha1=0.55:0.64:0.01",
  "--grid",
  `theta=${theta}`,
  "--output",
  "Y@2,Y@5,Y@100",
];
const commands: Record<string, string[]> = {
  "bslab --version": ["--version"],
  "bslab sheet pboc 2013-12 (warm database)": ["sheet", "pboc", "2013-12"],
  "bslab sim sweep pc, 100 runs": sweep("0.2:0.2:0.01"),
  "bslab sim sweep pc, 1,000 runs": sweep("0.15:0.24:0.01"),
};

try {
  // The first run loads the bundled data into the bench's database: the sheet runs are warm.
  processCase("first run", process.execPath, () => ["dist/cli/main.js", "datasets"], { cwd: root, env }).run(
    undefined,
  );
  const bin = (label: string, entry: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    processCase<string>(label, process.execPath, (c) => [...entry, ...commands[c]!], {
      cwd: root,
      env: { ...env, ...extraEnv },
    });
  const results = await bench<string>({
    title: "CLI start-up, whole process",
    sizes: Object.keys(commands).map((c) => ({ label: c, value: c })),
    baseline: processCase("node -e 0", process.execPath, () => ["-e", "0"]),
    cases: [
      bin("compiled (dist/cli/main.js)", ["dist/cli/main.js"]),
      bin("checkout bin (dist/ checked against src/)", ["bin/bslab.mjs"]),
      ...(process.argv.includes("--tsx")
        ? [bin("sources through tsx (before)", ["bin/bslab.mjs"], { BSLAB_FROM_SOURCE: "1" })]
        : []),
    ],
  });
  const compiled = (size: string) => results.find((r) => r.size === size && r.label.startsWith("compiled"))!;
  const v = compiled("bslab --version");
  const s = compiled("bslab sheet pboc 2013-12 (warm database)");
  const w = compiled("bslab sim sweep pc, 1,000 runs");
  console.log(
    `\ntargets (compiled): --version ${v.ratio.toFixed(2)}x node -e 0 (target <= 2x); ` +
      `sheet ${(s.medianMs / 1000).toFixed(3)} s (target < 0.35 s); ` +
      `1,000-run sweep ${(w.medianMs / 1000).toFixed(3)} s (target < 0.4 s; sfcr ~95 s: ${(95 / (w.medianMs / 1000)).toFixed(0)}x)`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
