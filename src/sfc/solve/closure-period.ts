/**
 * The reference period solver: evaluates every equation through its closure tree (one closure call
 * per tree node) directly on the value matrix. This was the engine before the instruction tape
 * (./period.ts); it stays as the bit-for-bit reference the tape is tested against and as the
 * baseline of bench/sfc-sweep.bench.ts (`--baseline`).
 */
import { ModelError } from "../../errors.ts";
import { checkHiddenOnly } from "../checks.ts";
import type { Block, CompiledModel } from "../compile/model.ts";
import { sfcMessages } from "../messages.ts";
import { gaussSeidel } from "./gauss-seidel.ts";
import { newton, newtonWorkspace, type NewtonWorkspace } from "./newton.ts";
import { DEFAULT_SOLVER, notConverged, type SolverName, type SolverOptions } from "./period.ts";

/**
 * Solves one period of a compiled model, block by block in dependency order. Recursive blocks are
 * evaluated directly; simultaneous blocks start from last period's values and are iterated, with the
 * other solver as fallback. Holds per-block scratch space, so create one per simulation and thread.
 */
export class ClosurePeriodSolver {
  private readonly workspaces: Array<NewtonWorkspace | undefined>;
  private readonly guess: Float64Array;

  constructor(
    readonly model: CompiledModel,
    readonly options: SolverOptions = DEFAULT_SOLVER,
  ) {
    this.workspaces = model.blocks.map((b) => (b.simultaneous ? newtonWorkspace(b) : undefined));
    this.guess = new Float64Array(Math.max(1, ...model.blocks.map((b) => b.equations.length)));
  }

  /**
   * Solves row `t` (0-based; period t+1) of the value matrix `v`. Given columns of the row must
   * already hold their values. Throws ModelError if a block does not converge or a value is not finite,
   * or (with `checkHidden`) a hidden equation fails.
   */
  solve(v: Float64Array, t: number, checkHidden = false): void {
    const { n, blocks } = this.model;
    const b = t * n;
    const prev = b - n;
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k]!;
      if (!block.simultaneous) {
        const eq = block.equations[0]!;
        v[b + eq.col] = eq.fn(v, b);
        continue;
      }
      const cols = block.cols;
      for (let j = 0; j < cols.length; j++) {
        const x = prev >= 0 ? v[prev + cols[j]!]! : 0;
        v[b + cols[j]!] = x;
        this.guess[j] = x;
      }
      if (this.iterate(block, v, b, this.options.solver) >= 0) continue;
      for (let j = 0; j < cols.length; j++) v[b + cols[j]!] = this.guess[j]!;
      const fallback: SolverName = this.options.solver === "newton" ? "gauss" : "newton";
      if (this.iterate(block, v, b, fallback) >= 0) continue;
      throw notConverged(this.model, this.options, block, v, t);
    }
    this.checkFinite(v, t);
    if (checkHidden) {
      const failure = checkHiddenOnly(this.model, v, t);
      if (failure) throw new ModelError(failure.message);
    }
  }

  private iterate(block: Block, v: Float64Array, b: number, solver: SolverName): number {
    const { tolerance, maxIterations } = this.options;
    return solver === "newton"
      ? newton(block, v, b, tolerance, maxIterations, this.workspaces[block.id - 1]!)
      : gaussSeidel(block, v, b, tolerance, maxIterations, this.workspaces[block.id - 1]!.f);
  }

  private checkFinite(v: Float64Array, t: number): void {
    const b = t * this.model.n;
    for (const eq of this.model.equations) {
      if (!Number.isFinite(v[b + eq.col]!)) {
        const place = { file: this.model.file, ...eq.pos };
        throw new ModelError(sfcMessages.notFinite(t + 1, eq.name, place), { place });
      }
    }
  }
}
