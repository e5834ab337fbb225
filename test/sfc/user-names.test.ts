// Simulator issue #15, defect 2: Object.prototype names (`__proto__`, `constructor`, ...) as
// variable and parameter names were computed but printed as [object Object], dropped from JSON,
// and `--set __proto__=10` was ignored. Names are user text: never plain-object keys.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { loadModel, parseGridAxis, parseOutputs, simulate, sweepSync } from "../../src/sfc/index.ts";
import { runCli } from "../helpers/run-cli.ts";
import { call, testServer } from "../server/helpers.ts";

const PROTO = `model PROTO "Object.prototype names"
equations
  constructor = __proto__ + toString
  toString = 0.5 * constructor[-1] + hasOwnProperty
  valueOf = constructor * 2
parameters
  __proto__ = 3
exogenous
  hasOwnProperty = 1
`;
const NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"];

const dir = mkdtempSync(join(tmpdir(), "bslab-names-"));
const file = join(dir, "proto.sfc");
writeFileSync(file, PROTO);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Period 2: toString = 0.5*0 + 1 = 1, constructor = p + 1, valueOf = 2(p + 1); period 3:
// toString = 0.5(p + 1) + 1, constructor = p + toString.
function expected(p: number) {
  const t3 = 0.5 * (p + 1) + 1;
  // A computed key: the literal `__proto__: p` would set the prototype (the very defect).
  return { constructor: p + t3, toString: t3, valueOf: 2 * (p + t3), hasOwnProperty: 1, ["__proto__"]: p };
}

describe("Object.prototype names as variable and parameter names", () => {
  const model = loadModel(PROTO, "proto.sfc");

  it("library: rows and series carry every name as an own key; set takes a Map", () => {
    const run = simulate(model, { periods: 3, set: new Map([["__proto__", 10]]) });
    const row = run.toRows()[2]!;
    const want = expected(10);
    for (const name of NAMES) {
      expect(Object.hasOwn(row, name)).toBe(true);
      expect(row[name]).toBe(want[name as keyof typeof want]);
    }
    expect(run.toSeries()["__proto__"]).toEqual([10, 10, 10]);
    expect(JSON.parse(JSON.stringify(run.toRows()))[2]).toEqual({ period: 3, ...want });
  });

  it("CLI run: CSV, table and JSON print every column; --set __proto__=10 changes the run", () => {
    const csv = runCli(
      ["sim", "run", file, "--periods", "3", "--set", "__proto__=10"],
      "/nonexistent.duckdb",
    );
    expect(csv.stderr).toBe("");
    const [head, , , last] = csv.stdout.trim().split("\n");
    expect(head).toBe("period,constructor,toString,valueOf,hasOwnProperty,__proto__");
    const want = expected(10);
    expect(last).toBe(`3,${NAMES.map((n) => want[n as keyof typeof want]).join(",")}`);
    const json = runCli(["sim", "run", file, "--periods", "3", "--format", "json"], "/nonexistent.duckdb");
    expect(JSON.parse(json.stdout)[2]).toEqual({ period: 3, ...expected(3) });
    const table = runCli(["sim", "run", file, "--periods", "3", "--format", "table"], "/nonexistent.duckdb");
    expect(table.stdout).not.toContain("[object");
    expect(table.stdout.trim().split("\n")[4]!.trim().split(/\s+/).map(Number)).toEqual([
      3,
      ...NAMES.map((n) => expected(3)[n as keyof ReturnType<typeof expected>]),
    ]);
  });

  it("CLI: --shock on __proto__ applies from its period", () => {
    const r = runCli(
      ["sim", "run", file, "--periods", "3", "--from-start", "--shock", "__proto__=10@3"],
      "/nonexistent.duckdb",
    );
    expect(r.stdout.trim().split("\n")[3]!.split(",").at(-1)).toBe("10");
  });

  it("sweeps: a grid axis and --set on prototype names, rows with own keys", () => {
    const res = sweepSync(model, {
      periods: 3,
      grid: [parseGridAxis("__proto__=1:2:1")],
      outputs: parseOutputs("constructor@3,valueOf@3"),
      set: new Map([["hasOwnProperty", 1]]),
    });
    expect(JSON.parse(JSON.stringify(res.rows()))).toEqual([
      {
        ["__proto__"]: 1,
        "constructor@3": expected(1).constructor,
        "valueOf@3": expected(1).valueOf,
        error: null,
      },
      {
        ["__proto__"]: 2,
        "constructor@3": expected(2).constructor,
        "valueOf@3": expected(2).valueOf,
        error: null,
      },
    ]);
    const cli = runCli(
      ["sim", "sweep", file, "--periods", "3", "--grid", "__proto__=1:2:1", "--output", "constructor@3"],
      "/nonexistent.duckdb",
    );
    expect(cli.stdout).toBe(
      `__proto__,constructor@3,error\n1,${expected(1).constructor},\n2,${expected(2).constructor},\n`,
    );
  });

  it("API: a prototype name in `set` is refused with a 400 naming it, never ignored", async () => {
    const server = await testServer();
    try {
      const r = await call(server.app, {
        method: "POST",
        url: "/api/sim/run",
        payload: { model: "pc", periods: 5, set: { constructor: 1 } },
      });
      expect(r.status).toBe(400);
      expect((r.body as { error: { message: string } }).error.message).toMatch(
        /^unknown parameter or exogenous variable: constructor \(known: /,
      );
      const proto = await call(server.app, {
        method: "POST",
        url: "/api/sim/run",
        headers: { "content-type": "application/json" },
        payload: '{"model":"pc","periods":5,"set":{"__proto__":1}}',
      });
      expect(proto.status).toBe(400);
    } finally {
      await server.cleanup();
    }
  });
});

describe("sweep grid limits (issue #16)", () => {
  it("step 1e-300 is a usage error naming the limit, not an allocation failure", () => {
    const pc = loadModel("model T\nequations\n  Y = a\nparameters\n  a = 1\n", "t.sfc");
    expect(() =>
      sweepSync(pc, { periods: 3, grid: [parseGridAxis("a=0:1:1e-300")], outputs: parseOutputs("Y@3") }),
    ).toThrow(
      "the grid has 1e+300 runs; a sweep runs at most 10000000 (use fewer points or a larger STEP, or split it with --shard)",
    );
  });

  it("CLI: one line naming the limit; API: 400 naming the server's limit", async () => {
    const r = runCli(
      ["sim", "sweep", "pc", "--periods", "3", "--grid", "rbar=0:1:1e-300", "--output", "Y@3"],
      "/nonexistent.duckdb",
    );
    // Exit 2 for usage errors is the CLI entry's (issue #12); here: failure, one line.
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/the grid has 1e\+300 runs; a sweep runs at most 10000000/);
    const server = await testServer();
    try {
      const res = await call(server.app, {
        method: "POST",
        url: "/api/sim/sweep",
        payload: {
          model: "pc",
          periods: 5,
          grid: [{ name: "rbar", from: 0, to: 1, step: 1e-300 }],
          outputs: [{ name: "Y", period: 5 }],
        },
      });
      expect(res.status).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toMatch(
        /^sweep of [\d.]+e\+\d+ runs is larger than the server limit of \d+/,
      );
    } finally {
      await server.cleanup();
    }
  });
});
