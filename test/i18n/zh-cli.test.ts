import { spawn } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { REGISTRY } from "../../src/indicators/registry.ts";
import { RECESSION_STORE_JST_VARS } from "../../src/io/sources/recession-series.ts";
import { listEntities } from "../../src/store/sheets.ts";
import { startReplayServer } from "../helpers/replay-server.ts";
import { bundledStore, seededDbPath } from "../helpers/temp-store.ts";
import { untranslated } from "./zh-scan.ts";

// Every CLI command that prints data in a language, in Chinese.
const COMMANDS: Record<string, string[]> = {
  datasets: ["datasets", "--lang", "zh"],
  "sheet pboc": ["sheet", "pboc", "2013-12", "--lang", "zh"],
  import: ["import", "data/fred-us-monetary/CURRCIR.csv", "--lang", "zh"],
  // Against the local server replaying FRED's recorded response (test/helpers/replay-server.ts).
  fetch: ["fetch", "fred", "WALCL", "--lang", "zh"],
  series: ["series", "--lang", "zh"],
  "series show": ["series", "show", "FRED/CURRCIR", "--from", "2022-01", "--lang", "zh"],
  "indicators pboc": ["indicators", "pboc", "2013-12", "--lang", "zh"],
  "indicators fed": ["indicators", "fed", "2013-12", "--lang", "zh"],
  "indicators pboc --from --to": [
    "indicators",
    "pboc",
    "--from",
    "2011-01",
    "--to",
    "2013-12",
    "--lang",
    "zh",
  ],
  compare: ["compare", "pboc", "fed", "boj", "ecb", "--date", "2013-12", "--lang", "zh"],
  "recession JP": ["recession", "JP", "--from", "1985", "--to", "2010", "--lang", "zh"],
  "stress pboc": ["stress", "pboc", "2013-12", "--lang", "zh"],
  "credit-gap JP": ["credit-gap", "JP", "--lang", "zh"],
  // Both reports in both formats (Markdown's charts are files beside it; the HTML inlines them).
  "report pboc html": ["report", "pboc", "--date", "2013-12", "--lang", "zh", "--out", "-"],
  "report pboc md": ["report", "pboc", "--date", "2013-12", "--lang", "zh", "--format", "md", "--out", "-"],
  "report recession JP html": ["report", "recession", "JP", "--lang", "zh", "--out", "-"],
  "report recession JP md": ["report", "recession", "JP", "--lang", "zh", "--format", "md", "--out", "-"],
  // The mismatch report of an External Wealth of Nations economy (no sheet: its series).
  "report China html": ["report", "China", "--date", "2013", "--lang", "zh", "--out", "-"],
  "report China md": ["report", "China", "--date", "2013", "--lang", "zh", "--format", "md", "--out", "-"],
};

const dbs: Array<{ path: string; cleanup: () => void }> = [];
let replay: Awaited<ReturnType<typeof startReplayServer>> | undefined;
const outputs = new Map<string, Promise<string>>();
let ids: Set<string>;

function run(args: string[]): Promise<string> {
  // One database each: a DuckDB file takes one process at a time.
  const db = seededDbPath();
  dbs.push(db);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/bslab.mjs", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, BSLAB_DB: db.path, FORCE_COLOR: "0", BSLAB_FETCH_BASE_URL: replay!.base },
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`bslab ${args.join(" ")}: exit ${code}: ${err}`)),
    );
  });
}

/** What a reader sees of an HTML report: the text, without markup, styles or scripts. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
}

// Each command runs when its test first asks (so `-t NAME` runs one), the tests concurrently.
function output(name: string): Promise<string> {
  if (!outputs.has(name)) outputs.set(name, run(COMMANDS[name]!));
  return outputs.get(name)!;
}

beforeAll(async () => {
  replay = await startReplayServer();
  // Ids the output names as ids: the store's entities and datasets, the dataset variables the monitor
  // reads, and the indicators' formula terms (`part / total_liabilities`).
  const { store, cleanup } = await bundledStore();
  try {
    // Item ids of the stored lines are ids too (the compare names the lines an input lacks).
    const items = (await store.all<{ item: string }>("select distinct item from positions")).map(
      (r) => r.item,
    );
    const datasets = (await store.all<{ id: string }>("select id from datasets")).map((r) => r.id);
    // Economies named by their series (External Wealth of Nations: "China"), as `report China` names it.
    const economies = (await store.all<{ entity: string }>("select distinct entity from series")).map(
      (r) => r.entity,
    );
    const terms = [...REGISTRY.values()].flatMap((d) => Object.keys(d.terms));
    ids = new Set([
      ...(await listEntities(store)).map((e) => e.id),
      ...RECESSION_STORE_JST_VARS,
      ...items,
      ...datasets,
      ...economies,
      ...terms,
    ]);
  } finally {
    cleanup();
  }
});
afterAll(async () => {
  await replay?.close();
  for (const db of dbs) db.cleanup();
});

describe("zh scan: the CLI's data commands print no untranslated English", () => {
  it.concurrent.each(Object.keys(COMMANDS))("%s", async (name) => {
    const out = await output(name);
    expect(out.length).toBeGreaterThan(100);
    const text = /<html|<!doctype/i.test(out) ? visibleText(out) : out;
    expect(untranslated(text, ids)).toEqual([]);
  });
});
