/**
 * Scenarios as sfcr runs them: shocks to parameters or exogenous variables from a period on (or for
 * a range), starting from the baseline's stationary state; and the text form `NAME=VALUE@PERIOD`.
 */
import { UsageError } from "../errors.ts";
import type { CompiledModel } from "./compile/model.ts";
import type { Shock } from "./given.ts";
import { sfcMessages } from "./messages.ts";
import { simulate, type SimulateOptions, type Simulation } from "./simulate.ts";

const SHOCK = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*([^@]+?)\s*@\s*(\d+)\s*(?:-\s*(\d+))?\s*$/;

/**
 * Parses `NAME=VALUE@PERIOD` (from that period on) or `NAME=VALUE@FROM-TO` (a range, inclusive).
 * @throws UsageError
 * @example
 * parseShock("G=25@5");        // { name: "G", value: 25, from: 5 }
 * parseShock("rbar=0.035@5-10"); // { name: "rbar", value: 0.035, from: 5, to: 10 }
 */
export function parseShock(text: string): Shock {
  const m = SHOCK.exec(text);
  const value = m ? Number(m[2]) : NaN;
  if (!m || m[2]!.trim() === "" || !Number.isFinite(value)) throw new UsageError(sfcMessages.badShock(text));
  const shock: Shock = { name: m[1]!, value, from: Number(m[3]) };
  if (m[4] !== undefined) shock.to = Number(m[4]);
  return shock;
}

/** Options of {@link runScenario}. */
export interface ScenarioOptions extends Omit<SimulateOptions, "start"> {
  /** Run the shocks from the start values instead of the stationary state. Default false. */
  fromStart?: boolean;
  /** Start from the baseline's steady-growth path instead of a stationary state (growth models). */
  steadyGrowth?: boolean;
}

/**
 * Runs a scenario: periods before the first shock hold the baseline's stationary state (found by
 * {@link steadyState}) and each shock applies from its period, as in sfcr's `sfcr_scenario()` and
 * the book's experiments; `fromStart` runs from the start values instead.
 *
 * @example
 * const run = runScenario(pc, { periods: 100, shocks: [parseShock("rbar=0.035@5")] });
 * run.value("Y", 4); // 106.48648649 (the stationary state)
 */
export function runScenario(model: CompiledModel, options: ScenarioOptions): Simulation {
  const start = options.fromStart ? "initial" : options.steadyGrowth ? "growth" : "steady";
  return simulate(model, { ...options, start });
}
