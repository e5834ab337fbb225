import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database with the bundled data loaded, built once per run; tests copy it. */
    templateDb: string;
  }
}

// Loading the bundled data takes seconds; doing it once and copying the file keeps the many
// tests that only read it fast. First-run loading itself is tested in test/store. The template is
// built by the CLI in a child process, exactly as a user's first run builds it.
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "bslab-template-"));
  const path = join(dir, "template.duckdb");
  const r = spawnSync(process.execPath, ["bin/bslab.mjs", "datasets", "--format", "json"], {
    encoding: "utf8",
    env: { ...process.env, BSLAB_DB: path },
  });
  if (r.status !== 0) throw new Error(`building the template database failed: ${r.stderr}`);
  project.provide("templateDb", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
