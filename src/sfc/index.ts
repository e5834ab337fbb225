/**
 * The stock-flow-consistent simulator: a plain-text model language (.sfc), a compiler to closures,
 * block-ordered Gauss-Seidel/Newton solvers, stock-flow checks, scenarios, sweeps and built-in
 * models (Godley and Lavoie's SIM, SIMEX, PC, LP1, BMW, and the balance-sheet-recession model BSR).
 *
 * @example
 * import { loadBuiltinModel, runScenario, parseShock } from "bslab/sfc";
 * const pc = loadBuiltinModel("pc");
 * const run = runScenario(pc, { periods: 60, shocks: [parseShock("rbar=0.035@5")] });
 * run.series("Y");
 */
export type { Expr, ModelNode, Pos } from "./ast.ts";
export { parseModelText as parseModel } from "./parse/parser.ts";
export {
  compileModel,
  MAX_PERIODS,
  type Block,
  type CompiledModel,
  type DataPoint,
  type GivenVariable,
} from "./compile/model.ts";
export { derive } from "./derivative.ts";
export { checkPeriod, type CheckFailure } from "./checks.ts";
export { DEFAULT_SOLVER, PeriodSolver, type SolverName, type SolverOptions } from "./solve/period.ts";
export { baseRow, type Overrides, type Shock } from "./given.ts";
export { simulate, Simulation, type SimulateOptions } from "./simulate.ts";
export { steadyState, type SteadyStateOptions } from "./steady-state.ts";
export { steadyGrowth, type SteadyGrowthOptions, type SteadyGrowthPath } from "./steady-growth.ts";
export { parseShock, runScenario, type ScenarioOptions } from "./scenario.ts";
export {
  axisCount,
  axisValues,
  drawPoints,
  gridPoints,
  gridRuns,
  parseDraw,
  parseGridAxis,
  type Draw,
  type GridAxis,
} from "./grid.ts";
export { parseOutputs, type OutputSpec } from "./sweep-run.ts";
export { sweep, sweepSync, type SweepOptions, type SweepResult } from "./sweep.ts";
export { describeMatrices, describeModelStructure, type ModelReport } from "./report.ts";
export {
  builtinModelSource,
  describeModel,
  listBuiltinModelNames,
  listBuiltinModels,
  loadBuiltinModel,
  loadModel,
  resolveModelSource,
  type ModelInfo,
} from "./models.ts";
