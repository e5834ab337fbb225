// What the CLI does before any command runs: --version, exit codes, one-line usage errors.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { runCli } from "../helpers/run-cli.ts";
import { tempDbPath } from "../helpers/temp-store.ts";

const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

describe("bslab start-up", () => {
  const db = tempDbPath();

  it.each([["--version"], ["-V"], ["--db", "/nonexistent/x.duckdb", "--version"]])(
    "%s prints the package version, exit 0, without opening a database",
    (...args) => {
      const r = runCli(args, db.path);
      expect(r).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: "" });
    },
  );

  it.each([
    [["sheets"], "bslab: unknown command 'sheets' (Did you mean sheet?) (see bslab --help)"],
    [["sheet", "--bogus"], "bslab: unknown option '--bogus' (see bslab --help)"],
    [["sheet"], "bslab: missing required argument 'entity' (see bslab --help)"],
    // Command lists grow with new commands: the line's shape and its first entries are checked.
    [["sim"], /^bslab: sim needs a command: run, sweep(, [a-z-]+)+ \(see bslab sim --help\)$/],
    [[], /^bslab: missing command: datasets, sheet(, [a-z-]+)+ \(see bslab --help\)$/],
    [
      ["sheet", "pboc", "2013-12", "--format", "xml"],
      'bslab: invalid --format: "xml" (expected table|csv|json)',
    ],
  ] as Array<[string[], string | RegExp]>)(
    "usage error %j: exactly one line on stderr, exit 2",
    (args, line) => {
      const r = runCli(args, db.path);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n") && !r.stderr.slice(0, -1).includes("\n")).toBe(true);
      if (typeof line === "string") expect(r.stderr).toBe(`${line}\n`);
      else expect(r.stderr.slice(0, -1)).toMatch(line);
    },
  );

  it("help is not an error: exit 0, on stdout", () => {
    const r = runCli(["--help"], db.path);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: bslab [options] [command]");
    expect(r.stdout).toContain("-V, --version");
  });
});
