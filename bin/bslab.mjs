#!/usr/bin/env node
// Runs the compiled CLI in dist/. In a checkout (src/ present), dist/ is first rebuilt when any
// source is newer than it (scripts/build.mjs, esbuild, well under a second), so `npx bslab` and
// the tests always run the current sources with no manual build step. BSLAB_FROM_SOURCE=1, or a
// checkout where dist/ cannot be built, runs the TypeScript sources through tsx instead.
import { existsSync } from "node:fs";
import module from "node:module";

// Node 22.1+ keeps compiled code between runs (a no-op where it does not exist, as on Node 20).
module.enableCompileCache?.();

const checkout = existsSync(new URL("../src/cli/main.ts", import.meta.url));
if (!checkout) await import("../dist/cli/main.js");
else if (!process.env.BSLAB_FROM_SOURCE && (await (await import("../scripts/build.mjs")).ensureFreshBuild()))
  await import("../dist/cli/main.js");
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
