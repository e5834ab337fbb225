import { ModelError } from "../../errors.ts";
import { checkHidden } from "../checks.ts";
import type { Block, CompiledModel } from "../compile/model.ts";
import type { Program, SimultaneousStep } from "../compile/program.ts";
import { sfcMessages } from "../messages.ts";
import { factorInPlace, solveFactored } from "./linear.ts";
import { runTape } from "./tape.ts";

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

/** Scratch space of one simultaneous block, allocated once per solver. */
interface Workspace {
  step: SimultaneousStep;
  f: Float64Array;
  dx: Float64Array;
  x0: Float64Array;
  /** The Jacobian as evaluated; its LU factors; the Jacobian's inputs when they were computed. */
  jac: Float64Array;
  lu: Float64Array;
  inputs: Float64Array;
  pivots: Int32Array;
  factored: boolean;
}

/**
 * Solves one period of a compiled model, block by block in dependency order, by running the model's
 * instruction tape (compile/program.ts) over a private memory: the lag window of the value matrix is
 * copied in, recursive blocks are evaluated directly, simultaneous blocks start from last period's
 * values and are iterated (Newton with the exact Jacobian, or Gauss-Seidel, the other as fallback),
 * and the period's values are copied back. Results are bit-identical to the closure evaluator
 * (./closure-period.ts). Holds scratch space, so create one per simulation and thread, and reuse
 * it across runs of the same model.
 */
export class PeriodSolver {
  private readonly program: Program;
  private readonly memory: Float64Array;
  private readonly workspaces: Workspace[];
  private readonly guess: Float64Array;

  constructor(
    readonly model: CompiledModel,
    readonly options: SolverOptions = DEFAULT_SOLVER,
  ) {
    this.program = model.program;
    this.memory = this.program.image.slice();
    this.workspaces = this.program.steps.flatMap((step) => {
      if (!step.simultaneous) return [];
      const m = step.x.length;
      return [
        {
          step,
          f: new Float64Array(m),
          dx: new Float64Array(m),
          x0: new Float64Array(m),
          jac: new Float64Array(m * m),
          lu: new Float64Array(m * m),
          inputs: new Float64Array(step.jacInputs.length),
          pivots: new Int32Array(m),
          factored: false,
        },
      ];
    });
    this.guess = new Float64Array(Math.max(1, ...model.blocks.map((b) => b.equations.length)));
  }

  /**
   * Solves row `t` (0-based; period t+1) of the value matrix `v`. Given columns of the row must
   * already hold their values. Throws ModelError if a block does not converge, a value is not
   * finite, or (with `checkHidden`) a hidden equation fails.
   */
  solve(v: Float64Array, t: number, checkHidden = false): void {
    const { n, equations } = this.model;
    const { code, steps, window, current, loadRow, loadCol } = this.program;
    const m = this.memory;
    // The window cells the tape reads: rows t-lags .. t; rows before the first read row 0 (the
    // start values).
    const top = t - window + 1;
    for (let k = 0; k < loadRow.length; k++) {
      const r = loadRow[k]!;
      const row = top + r;
      const c = loadCol[k]!;
      m[r * n + c] = v[(row > 0 ? row * n : 0) + c]!;
    }
    let w = 0;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      if (!step.simultaneous) {
        runTape(code, step.from, step.to, m);
        continue;
      }
      const ws = this.workspaces[w++]!;
      const { x, prev } = step;
      for (let j = 0; j < x.length; j++) {
        const x0 = t > 0 ? m[prev[j]!]! : 0;
        m[x[j]!] = x0;
        this.guess[j] = x0;
      }
      if (this.iterate(ws, this.options.solver) >= 0) continue;
      for (let j = 0; j < x.length; j++) m[x[j]!] = this.guess[j]!;
      const fallback: SolverName = this.options.solver === "newton" ? "gauss" : "newton";
      if (this.iterate(ws, fallback) >= 0) continue;
      // The blocks solved so far and this one's last iterate, for the message.
      for (let k = 0; k <= s; k++) for (const c of steps[k]!.writes) v[t * n + c] = m[current + c]!;
      throw notConverged(this.model, this.options, step.block, v, t);
    }
    // This period's endogenous values back into the value matrix (given columns are unchanged).
    const b = t * n;
    let nan = 0; // 0·x is NaN exactly when x is not finite
    for (let i = 0; i < equations.length; i++) {
      const x = m[current + i]!;
      v[b + i] = x;
      nan += 0 * x;
    }
    if (nan !== 0) {
      const eq = equations.find((e) => !Number.isFinite(v[b + e.col]!))!;
      const place = { file: this.model.file, ...eq.pos };
      throw new ModelError(sfcMessages.notFinite(t + 1, eq.name, place), { place });
    }
    if (checkHidden) this.checkHidden(v, t);
  }

  private checkHidden(v: Float64Array, t: number): void {
    const { code, hidden } = this.program;
    const m = this.memory;
    for (let k = 0; k < hidden.length; k++) {
      const h = hidden[k]!;
      runTape(code, h.from, h.to, m);
      const left = m[h.left]!;
      const right = m[h.right]!;
      const scale = Math.max(1, Math.abs(left), Math.abs(right));
      if (Math.abs(left - right) <= h.tolerance * scale) continue;
      // The closures compute the same values; they also word the message.
      const failure = checkHidden(this.model, this.model.hidden[k]!, v, t);
      throw new ModelError(
        failure?.message ?? `internal: hidden equation ${k + 1} failed in period ${t + 1}`,
      );
    }
  }

  private iterate(ws: Workspace, solver: SolverName): number {
    const { tolerance, maxIterations } = this.options;
    return solver === "newton"
      ? this.newton(ws, tolerance, maxIterations)
      : this.gaussSeidel(ws, tolerance, maxIterations);
  }

  /**
   * Gauss-Seidel: evaluate each equation in turn with the freshest values until no variable moves
   * by more than `tolerance`·max(1, |x|) and, checked then, every equation's residual is within
   * `tolerance` (a small move does not prove a solution when a conditional switches). Cheap per
   * sweep and robust for the contractive blocks typical of SFC models (Godley and Lavoie 2007,
   * ch. 3 appendix; sfcr's default).
   * @returns the number of sweeps used, or -1 if it did not converge or produced a non-finite value
   */
  private gaussSeidel(ws: Workspace, tolerance: number, maxIterations: number): number {
    const { code } = this.program;
    const m = this.memory;
    const { step } = ws;
    const { x: xs, f, eq } = step;
    const count = xs.length;
    for (let it = 1; it <= maxIterations; it++) {
      let converged = true;
      for (let k = 0; k < count; k++) {
        const i = xs[k]!;
        const old = m[i]!;
        runTape(code, eq[k]!, eq[k + 1]!, m);
        const x = m[f[k]!]!;
        if (!Number.isFinite(x)) return -1;
        m[i] = x;
        if (Math.abs(x - old) > tolerance * Math.max(1, Math.abs(x))) converged = false;
      }
      if (converged && this.residualNorm(step, ws.f) <= tolerance) return it;
    }
    return -1;
  }

  // Largest residual x_i - f_i(x), scaled by max(1, |x_i|); NaN/Infinity come back as Infinity.
  private residualNorm(step: SimultaneousStep, f: Float64Array): number {
    const m = this.memory;
    const { x: xs, f: fs, eq } = step;
    const count = xs.length;
    runTape(this.program.code, eq[0]!, eq[count]!, m);
    let norm = 0;
    for (let k = 0; k < count; k++) {
      const x = m[xs[k]!]!;
      const r = x - m[fs[k]!]!;
      f[k] = r;
      const scaled = Math.abs(r) / Math.max(1, Math.abs(x));
      if (!(scaled <= norm)) norm = Number.isFinite(scaled) ? scaled : Infinity;
    }
    return norm;
  }

  /**
   * Newton's method with the exact (symbolic) Jacobian and step halving when a full step would
   * raise the residual; it stops only when every equation's residual is within `tolerance` (a
   * linear block gets there in one step, confirmed by evaluating the residual). The Jacobian is evaluated and
   * factored only when one of its inputs (the window cells its entries read) changed since the last
   * factorisation: a block whose coefficients are parameters factors once per run of a sweep, and
   * reusing the factors gives the same bits as refactoring.
   * @returns iterations used, or -1 (singular Jacobian, non-finite values, or iteration limit)
   */
  private newton(ws: Workspace, tolerance: number, maxIterations: number): number {
    const { step, f, dx, x0, jac, lu, inputs, pivots } = ws;
    const { code } = this.program;
    const mem = this.memory;
    const { x: xs, jacCell, jacValue, jacInputs } = step;
    const m = xs.length;
    let norm = this.residualNorm(step, f);
    for (let it = 0; ; it++) {
      if (!Number.isFinite(norm)) return -1;
      if (norm <= tolerance) return it;
      if (it >= maxIterations) return -1;
      for (let k = 0; k < m; k++) {
        dx[k] = -f[k]!;
        x0[k] = mem[xs[k]!]!;
      }
      // The Jacobian is a function of its inputs: unchanged inputs, unchanged factors.
      let same = ws.factored;
      for (let k = 0; same && k < jacInputs.length; k++) same = sameBits(mem[jacInputs[k]!]!, inputs[k]!);
      if (!same) {
        runTape(code, step.jacFrom, step.jacTo, mem);
        jac.fill(0);
        for (let e = 0; e < jacCell.length; e++) jac[jacCell[e]!] = mem[jacValue[e]!]!;
        for (let k = 0; k < jacInputs.length; k++) inputs[k] = mem[jacInputs[k]!]!;
        lu.set(jac);
        ws.factored = factorInPlace(lu, pivots, m);
        if (!ws.factored) return -1;
      }
      solveFactored(lu, pivots, dx, m);
      let lambda = 1;
      for (let halving = 0; ; halving++) {
        for (let k = 0; k < m; k++) mem[xs[k]!] = x0[k]! + lambda * dx[k]!;
        const next = this.residualNorm(step, f);
        // A linear block needs no halving; its full step is still confirmed by the residual.
        if (next < norm || halving >= 10 || step.block.linear) {
          norm = next;
          break;
        }
        lambda /= 2;
      }
    }
  }
}

// Same value including the sign of zero (NaN never matches, so it refactors and fails as before).
function sameBits(a: number, b: number): boolean {
  return a === b && (a !== 0 || 1 / a === 1 / b);
}

/**
 * The error of a block that neither solver could solve, naming the period, the block and the
 * equation with the largest residual (evaluated on `v`, which holds the period's current values).
 */
export function notConverged(
  model: CompiledModel,
  options: SolverOptions,
  block: Block,
  v: Float64Array,
  t: number,
): ModelError {
  const b = t * model.n;
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
  const solvers = options.solver === "newton" ? "newton and gauss-seidel" : "gauss-seidel and newton";
  return new ModelError(
    sfcMessages.notConverged(
      t + 1,
      block.id,
      block.equations.map((e) => e.name),
      solvers,
      options.maxIterations,
      `${worst.name} (line ${worst.pos.line})`,
      largest,
      block.switches,
    ),
  );
}
