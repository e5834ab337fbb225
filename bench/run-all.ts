// Runs every bench/*.bench.ts in its own process, one after another, so they do not disturb
// each other's timings. Each bench prints its medians and ratios against its own baseline.
// `npm run bench -- NAME` runs the benches whose file name contains NAME; other arguments
// (`--runs N`, a bench's own flags) are passed on.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const only = args[0] !== undefined && !args[0].startsWith("-") ? args.shift() : undefined;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (only === undefined || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, file), ...args], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`== ${file} FAILED (exit ${r.status ?? r.signal})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
