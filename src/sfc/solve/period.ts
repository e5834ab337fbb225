import { ModelError } from "../../errors.ts";
import type { Block, CompiledModel } from "../compile/model.ts";
import { sfcMessages } from "../messages.ts";
import { gaussSeidel } from "./gauss-seidel.ts";
import { newton, newtonWorkspace, type NewtonWorkspace } from "./newton.ts";

export type SolverName = "newton" | "gauss";

/** How simultaneous blocks are solved. */
export interface SolverOptions {
  /** First solver tried; the other one is the fallback. Default "newton". */
  solver: SolverName;
  /** Convergence tolerance, relative to max(1, |x|). Default 1e-12. */
  tolerance: number;
  /** Iteration limit per block and period (Gauss-Seidel sweeps or Newton steps). Default 500. */
  maxIterations: number;
}

export const DEFAULT_SOLVER: SolverOptions = { solver: "newton", tolerance: 1e-12, maxIterations: 500 };

/**
 * Solves one period of a compiled model, block by block in dependency order. Recursive blocks are
 * evaluated directly; simultaneous blocks start from last period's values and are iterated, with the
 * other solver as fallback. Holds per-block scratch space, so create one per simulation and thread.
 */
export class PeriodSolver {
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
   * already hold their values. Throws ModelError if a block does not converge or a value is not finite.
   */
  solve(v: Float64Array, t: number): void {
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
      this.fail(block, v, b, t);
    }
    this.checkFinite(v, t);
  }

  private iterate(block: Block, v: Float64Array, b: number, solver: SolverName): number {
    const { tolerance, maxIterations } = this.options;
    return solver === "newton"
      ? newton(block, v, b, tolerance, maxIterations, this.workspaces[block.id - 1]!)
      : gaussSeidel(block, v, b, tolerance, maxIterations);
  }

  private fail(block: Block, v: Float64Array, b: number, t: number): never {
    let worst = block.equations[0]!;
    let largest = -1;
    for (const eq of block.equations) {
      const r = Math.abs(v[b + eq.col]! - eq.fn(v, b));
      const score = Number.isFinite(r) ? r : Infinity;
      if (score > largest) {
        largest = score;
        worst = eq;
      }
    }
    const solvers = this.options.solver === "newton" ? "newton and gauss-seidel" : "gauss-seidel and newton";
    throw new ModelError(
      sfcMessages.notConverged(
        t + 1,
        block.id,
        block.equations.map((e) => e.name),
        solvers,
        this.options.maxIterations,
        `${worst.name} (line ${worst.pos.line})`,
        largest,
      ),
    );
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
