import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { bundledDataDir } from "../store/paths.ts";
import type { Store } from "../store/store.ts";
import type { BundledDataset } from "./bundled/dataset.ts";
import { BUNDLED } from "./bundled/registry.ts";
import type { Progress } from "./progress.ts";
import { writeBundled } from "./write.ts";

function fingerprint(dir: string, d: BundledDataset): string {
  const hash = createHash("sha256");
  // The title names what is kept of the files (e.g. the JST variables): keeping more reloads.
  hash.update(d.title);
  for (const f of d.files) hash.update(readFileSync(join(dir, f)));
  return hash.digest("hex").slice(0, 16);
}

// Size and mtime of every file: equal keys mean unchanged files, so the content hash is skipped.
function statKey(dir: string, d: BundledDataset): string {
  const what = createHash("sha256").update(d.title).digest("hex").slice(0, 8);
  return (
    `${what}|` +
    d.files
      .map((f) => {
        const st = statSync(join(dir, f));
        return `${f}:${st.size}:${st.mtimeMs}`;
      })
      .join("|")
  );
}

/**
 * Loads every bundled dataset the store does not hold yet (or holds from different files), each in
 * its own transaction. An optional dataset whose files are missing is skipped (a store that loaded
 * it earlier keeps it). Returns the ids loaded.
 */
export async function ensureBundled(
  store: Store,
  onProgress?: Progress,
  dir = bundledDataDir(),
): Promise<string[]> {
  const have = new Map(
    (
      await store.all<{ id: string; fingerprint: string; stat_key: string | null }>(
        "select d.id, d.fingerprint, b.stat_key from datasets d left join bundled_files b on b.dataset = d.id",
      )
    ).map((r) => [r.id, r]),
  );
  const todo: Array<{ d: BundledDataset; fp: string; key: string }> = [];
  for (const d of BUNDLED) {
    if (d.optional && !d.files.every((f) => existsSync(join(dir, f)))) continue;
    const key = statKey(dir, d);
    const held = have.get(d.id);
    if (held?.stat_key === key) continue;
    const fp = fingerprint(dir, d);
    if (held?.fingerprint === fp) {
      // Same content with new timestamps (a fresh checkout): remember the new key, load nothing.
      if (!store.readOnly)
        await store.run("insert or replace into bundled_files values ($1, $2)", [d.id, key]);
      continue;
    }
    todo.push({ d, fp, key });
  }
  if (todo.length === 0) return [];
  let done = 0;
  for (const { d, fp, key } of todo) {
    onProgress?.(done, todo.length, d.id);
    const { files: _files, read: _read, optional: _optional, ...info } = d;
    await writeBundled(store, { ...info, fingerprint: fp }, d.read(dir), key);
    onProgress?.(++done, todo.length, d.id);
  }
  return todo.map(({ d }) => d.id);
}
