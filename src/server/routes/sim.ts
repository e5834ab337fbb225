import type { FastifyInstance } from "fastify";

import { UsageError } from "../../errors.ts";
import {
  axisCount,
  describeModel,
  listBuiltinModels,
  loadBuiltinModel,
  simulate,
  type CompiledModel,
  type GridAxis,
  type Shock,
  type Simulation,
} from "../../sfc/index.ts";
import type { ServerContext } from "../context.ts";
import { text } from "../../i18n/catalogue.ts";
import { clientGone } from "../pool/request-signal.ts";
import { MODEL, NUMBER } from "../schemas.ts";

const NAME = { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_.]{0,63}$" } as const;
const PERIODS = { type: "integer", minimum: 2, maximum: 1000, default: 60 } as const;

const SHOCK = {
  type: "object",
  additionalProperties: false,
  required: ["name", "value", "from"],
  properties: {
    name: NAME,
    value: NUMBER,
    from: { type: "integer", minimum: 1, maximum: 1000 },
    to: { type: "integer", minimum: 1, maximum: 1000 },
  },
} as const;

const SET = { type: "object", maxProperties: 200, additionalProperties: NUMBER } as const;

interface RunBody {
  model: string;
  periods: number;
  set?: Record<string, number>;
  shocks?: Shock[];
  start?: "initial" | "steady" | "growth";
  variables?: string[];
  baseline?: boolean;
}

interface SweepBody {
  model: string;
  periods: number;
  set?: Record<string, number>;
  grid: GridAxis[];
  outputs: Array<{ name: string; period: number }>;
}

// Compiling a model takes milliseconds; a slider moving fires many runs of the same model.
const compiled = new Map<string, CompiledModel>();
function model(name: string): CompiledModel {
  const key = name.toLowerCase();
  let m = compiled.get(key);
  if (!m) {
    m = loadBuiltinModel(key);
    compiled.set(key, m);
  }
  return m;
}

function seriesOf(run: Simulation, variables: readonly string[] | undefined): Record<string, number[]> {
  if (!variables || variables.length === 0) return run.toSeries();
  const out = Object.create(null) as Record<string, number[]>;
  for (const v of variables) out[v] = run.series(v);
  return out;
}

/** The SFC simulator: built-in models, runs (scenario with its baseline) and sweeps. */
export function simRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    "/api/models",
    {
      schema: {
        summary: "Built-in SFC models with parameters, exogenous variables and defaults",
        tags: ["sim"],
      },
    },
    async () => ({ models: listBuiltinModels() }),
  );

  app.get<{ Params: { name: string } }>(
    "/api/models/:name",
    {
      schema: {
        summary: "One built-in model: its variables, parameters and exogenous values",
        tags: ["sim"],
        params: { type: "object", required: ["name"], properties: { name: MODEL } },
      },
    },
    async (req) => describeModel(model(req.params.name)),
  );

  app.post<{ Body: RunBody }>(
    "/api/sim/run",
    {
      schema: {
        summary:
          "Run a built-in model: parameter overrides, shocks from a period on, and the baseline beside it",
        description:
          "`start: steady` holds the baseline's stationary state before the first shock (the book's experiments); `growth` lays them on the baseline's steady-growth path (growth models); `initial` starts from the model's start values. `set` overrides parameters for the whole run. With `baseline: true` the run without overrides and shocks is returned as `baseline`.",
        tags: ["sim"],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["model"],
          properties: {
            model: MODEL,
            periods: PERIODS,
            set: SET,
            shocks: { type: "array", maxItems: 50, items: SHOCK },
            start: { type: "string", enum: ["initial", "steady", "growth"], default: "initial" },
            variables: { type: "array", maxItems: 200, items: NAME },
            baseline: { type: "boolean", default: false },
          },
        },
      },
    },
    async (req) => {
      const b = req.body;
      const m = model(b.model);
      const common = { periods: b.periods, start: b.start ?? "initial" } as const;
      for (const s of b.shocks ?? [])
        if (s.to !== undefined && s.to < s.from)
          throw new UsageError(
            text("server.invalidInput", "body", `/shocks ${s.name}: to ${s.to} is before from ${s.from}`),
          );
      const scenario = simulate(m, { ...common, set: b.set ?? {}, shocks: b.shocks ?? [] });
      // The baseline is the model as published: no overrides, no shocks.
      const baseline = b.baseline ? simulate(m, { ...common, shocks: [] }) : undefined;
      return {
        model: m.name,
        title: m.title,
        periods: b.periods,
        variables: scenario.variables,
        scenario: seriesOf(scenario, b.variables),
        ...(baseline ? { baseline: seriesOf(baseline, b.variables) } : {}),
      };
    },
  );

  app.post<{ Body: SweepBody }>(
    "/api/sim/sweep",
    {
      schema: {
        summary: "Sweep a built-in model over a parameter grid: one row per run, grid values then outputs",
        tags: ["sim"],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["model", "grid", "outputs"],
          properties: {
            model: MODEL,
            periods: PERIODS,
            set: SET,
            grid: {
              type: "array",
              minItems: 1,
              maxItems: 6,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["name", "from", "to", "step"],
                properties: {
                  name: NAME,
                  from: NUMBER,
                  to: NUMBER,
                  step: { type: "number", exclusiveMinimum: 0 },
                },
              },
            },
            outputs: {
              type: "array",
              minItems: 1,
              maxItems: 50,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["name", "period"],
                properties: { name: NAME, period: { type: "integer", minimum: 1, maximum: 1000 } },
              },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      let runs = 1;
      for (const axis of b.grid) {
        if (axis.from > axis.to)
          throw new UsageError(
            text(
              "server.invalidInput",
              "body",
              `/grid ${axis.name}: from ${axis.from} is after to ${axis.to}`,
            ),
          );
        runs *= axisCount(axis);
      }
      if (runs > ctx.limits.sweepRuns)
        throw new UsageError(text("server.tooManyRuns", runs, ctx.limits.sweepRuns));
      // Run (and its names checked) on a worker thread: the request thread keeps answering.
      const body = await ctx.pool.run(
        "sweep",
        { model: b.model, periods: b.periods, grid: b.grid, outputs: b.outputs, set: b.set ?? {} },
        { budgetMs: ctx.budgets.sweep, signal: clientGone(reply) },
      );
      return reply.type("application/json").send(body);
    },
  );
}
