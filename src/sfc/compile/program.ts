/**
 * Compiles a model's per-period work (every block's equations, the Jacobians of simultaneous
 * blocks, the hidden equations) once into one flat instruction tape over one Float64Array, the
 * solver's memory. The tape is run by the small interpreter in ../solve/tape.ts: no eval, no
 * Function, and no closure call per tree node (the closures of ./expression.ts remain for checks,
 * start values and messages).
 *
 * Memory layout (one per solver): a window of `lags + 1` rows of the value matrix, oldest first, so
 * x[-k] of column i is at (lags - k)·n + i and this period's value at lags·n + i; then constants;
 * then one temporary per operation. Every operation is the same IEEE operation, in the same order,
 * as the closure it replaces, so results are bit-identical to the closure evaluator.
 */
import type { Expr } from "../ast.ts";
import type { Block, CompiledEquation, CompiledHidden } from "./model.ts";

/** Instruction width: opcode, destination, up to three source addresses. */
export const STRIDE = 5;

/** Opcodes (the interpreter switches on these literals; keep in step with solve/tape.ts). */
export const Op = {
  mov: 0,
  neg: 1,
  add: 2,
  sub: 3,
  mul: 4,
  div: 5,
  pow: 6,
  lt: 7,
  le: 8,
  gt: 9,
  ge: 10,
  eq: 11,
  ne: 12,
  exp: 13,
  log: 14,
  sqrt: 15,
  abs: 16,
  min: 17,
  max: 18,
  select: 19,
} as const;

// Fused pairs: an arithmetic operation whose left (FUSED_LEFT) or right (FUSED_RIGHT) operand is
// itself an arithmetic operation, as one instruction: FUSED_LEFT + 4·inner + outer computes
// d = (a inner b) outer c, FUSED_RIGHT + 4·inner + outer computes d = a outer (b inner c); inner and
// outer index + - * / in that order. The same two IEEE operations as unfused, one dispatch.
const FUSED_LEFT = 20;
const FUSED_RIGHT = 36;
const ARITHMETIC: Readonly<Record<string, number>> = { "+": 0, "-": 1, "*": 2, "/": 3 };

/** A run of consecutive recursive blocks: one tape segment writing each variable in place. */
export interface RecursiveStep {
  simultaneous: false;
  from: number;
  to: number;
  /** Value-matrix columns this run of blocks writes. */
  writes: Int32Array;
}

/** A simultaneous block, addressed in memory. */
export interface SimultaneousStep {
  simultaneous: true;
  block: Block;
  /** Memory address of each block variable's value this period. */
  x: Int32Array;
  /** Address of each block variable's value last period (the starting guess). */
  prev: Int32Array;
  /** Address where equation k's right-hand side lands after its segment runs. */
  f: Int32Array;
  /** Tape segment of equation k: [eq[k], eq[k + 1]); all right-hand sides: [eq[0], eq[m]). */
  eq: Int32Array;
  /** Tape segment of the Jacobian entries and, per entry, its row·m + col and value address. */
  jacFrom: number;
  jacTo: number;
  jacCell: Int32Array;
  jacValue: Int32Array;
  /**
   * The window addresses the Jacobian reads: while they hold the same values, the Jacobian is the
   * same and its LU factors can be reused without evaluating it.
   */
  jacInputs: Int32Array;
  /** Value-matrix columns this block writes (its variables). */
  writes: Int32Array;
}

export type Step = RecursiveStep | SimultaneousStep;

export interface TapeHidden {
  from: number;
  to: number;
  left: number;
  right: number;
  tolerance: number;
}

/** The compiled per-period program of a model. */
export interface Program {
  code: Int32Array;
  /** Memory size and its initial contents (the constants at their addresses, zeros elsewhere). */
  image: Float64Array;
  /** Rows in the window: maxLag + 1. */
  window: number;
  /** Address of this period's row in memory: maxLag · n. */
  current: number;
  /**
   * The window cells the tape reads before writing them: lagged values, this period's given
   * values, and last period's values of simultaneous blocks (their starting guess). Cell k is
   * copied from value-matrix row t - lags + loadRow[k], column loadCol[k] (rows before the first
   * read row 0), to memory address loadRow[k]·n + loadCol[k].
   */
  loadRow: Int32Array;
  loadCol: Int32Array;
  steps: Step[];
  hidden: TapeHidden[];
}

/**
 * @param blocks the ordered blocks (Jacobian entries carry their expressions)
 * @param hidden the hidden equations with their expressions
 */
export function compileProgram(
  blocks: readonly Block[],
  hidden: ReadonlyArray<{ compiled: CompiledHidden; left: Expr; right: Expr }>,
  index: ReadonlyMap<string, number>,
  n: number,
  maxLag: number,
): Program {
  const current = maxLag * n;
  const code: number[] = [];
  const constants: number[] = [];
  const windowSize = (maxLag + 1) * n;
  // Addresses: window first; constants and temporaries get provisional negative ids, resolved
  // once their counts are known.
  let temps = 0;
  const constant = (value: number) => {
    constants.push(value);
    return -constants.length; // -1, -2, ...: constant k at -(k + 1)
  };
  const TEMP = 1 << 29;
  const temp = () => TEMP + temps++;
  const emit = (op: number, d: number, a: number, b = 0, c = 0) => code.push(op, d, a, b, c);

  const variable = (name: string, lag: number) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`internal: unresolved name ${name}`);
    if (lag > maxLag) throw new Error(`internal: lag ${lag} beyond ${maxLag}`);
    return (maxLag - lag) * n + i;
  };

  // Returns the address holding e's value; writes it to `dest` when given.
  const value = (e: Expr, dest?: number): number => {
    if (e.kind === "num" || e.kind === "var") {
      const a = e.kind === "num" ? constant(e.value) : variable(e.name, e.lag);
      if (dest === undefined) return a;
      emit(Op.mov, dest, a);
      return dest;
    }
    let op: number;
    let args: number[];
    switch (e.kind) {
      case "neg":
        op = Op.neg;
        args = [value(e.arg)];
        break;
      case "bin": {
        const outer = ARITHMETIC[e.op];
        const { left, right } = e;
        if (outer !== undefined && left.kind === "bin" && ARITHMETIC[left.op] !== undefined) {
          op = FUSED_LEFT + 4 * ARITHMETIC[left.op]! + outer;
          args = [value(left.left), value(left.right), value(right)];
        } else if (outer !== undefined && right.kind === "bin" && ARITHMETIC[right.op] !== undefined) {
          op = FUSED_RIGHT + 4 * ARITHMETIC[right.op]! + outer;
          args = [value(left), value(right.left), value(right.right)];
        } else {
          op = { "+": Op.add, "-": Op.sub, "*": Op.mul, "/": Op.div, "^": Op.pow }[e.op];
          args = [value(left), value(right)];
        }
        break;
      }
      case "cmp":
        op = { "<": Op.lt, "<=": Op.le, ">": Op.gt, ">=": Op.ge, "==": Op.eq, "!=": Op.ne }[e.op];
        args = [value(e.left), value(e.right)];
        break;
      case "call":
        // Draws were rewritten to their columns by compileModel before anything is compiled.
        if (e.fn === "rnorm" || e.fn === "runif") throw new Error(`internal: ${e.fn}() not rewritten`);
        op = e.fn === "if" ? Op.select : Op[e.fn];
        args = e.args.map((x) => value(x));
        break;
    }
    const d = dest ?? temp();
    emit(op, d, args[0]!, args[1] ?? 0, args[2] ?? 0);
    return d;
  };

  const steps: Step[] = [];
  let run: RecursiveStep | undefined;
  for (const block of blocks) {
    if (!block.simultaneous) {
      const eq: CompiledEquation = block.equations[0]!;
      if (!run) {
        run = { simultaneous: false, from: code.length, to: code.length, writes: new Int32Array(0) };
        steps.push(run);
      }
      value(eq.expr, current + eq.col);
      run.to = code.length;
      run.writes = Int32Array.from([...run.writes, eq.col]);
      continue;
    }
    run = undefined;
    const m = block.equations.length;
    const eq = new Int32Array(m + 1);
    const f = new Int32Array(m);
    block.equations.forEach((e, k) => {
      eq[k] = code.length;
      f[k] = value(e.expr);
    });
    eq[m] = code.length;
    const jacFrom = code.length;
    const jacValue = Int32Array.from(block.jacobian.map((j) => value(j.expr)));
    steps.push({
      simultaneous: true,
      block,
      x: Int32Array.from(block.cols, (c) => current + c),
      prev: Int32Array.from(block.cols, (c) => current - n + c),
      f,
      eq,
      jacFrom,
      jacTo: code.length,
      jacCell: Int32Array.from(block.jacobian.map((j) => j.row * m + j.col)),
      jacValue,
      jacInputs: new Int32Array(0),
      writes: block.cols,
    });
  }
  const checks: TapeHidden[] = hidden.map((h) => {
    const from = code.length;
    const left = value(h.left);
    const right = value(h.right);
    return { from, to: code.length, left, right, tolerance: h.compiled.tolerance };
  });

  // Resolve provisional addresses: constants after the window, temporaries after the constants.
  const resolve = (a: number) =>
    a < 0 ? windowSize - a - 1 : a >= TEMP ? windowSize + constants.length + a - TEMP : a;
  for (let p = 0; p < code.length; p += STRIDE) {
    const arity = arityOf(code[p]!);
    code[p + 1] = resolve(code[p + 1]!);
    for (let s = 0; s < arity; s++) code[p + 2 + s] = resolve(code[p + 2 + s]!);
  }
  // Window cells read: by any instruction, as a simultaneous block's guess or Jacobian entry, or by
  // a hidden check. Cells of this period's row that the tape writes first are not loaded.
  const reads = new Set<number>();
  const readsOf = (from: number, to: number, into: Set<number>) => {
    for (let p = from; p < to; p += STRIDE) {
      const arity = arityOf(code[p]!);
      for (let s = 0; s < arity; s++) if (code[p + 2 + s]! < windowSize) into.add(code[p + 2 + s]!);
    }
  };
  readsOf(0, code.length, reads);
  for (const step of steps) {
    if (!step.simultaneous) continue;
    step.f = step.f.map(resolve);
    step.jacValue = step.jacValue.map(resolve);
    for (const a of [...step.prev, ...step.f, ...step.jacValue]) if (a < windowSize) reads.add(a);
    const inputs = new Set<number>();
    readsOf(step.jacFrom, step.jacTo, inputs);
    for (const a of step.jacValue) if (a < windowSize) inputs.add(a);
    step.jacInputs = Int32Array.from([...inputs].sort((a, b) => a - b));
  }
  for (const h of hidden) {
    for (const e of [h.left, h.right]) if (e.kind === "var") reads.add(variable(e.name, e.lag));
  }
  const written = new Set<number>();
  for (const step of steps) for (const c of step.writes) written.add(current + c);
  const loads = [...reads].filter((a) => !written.has(a)).sort((a, b) => a - b);
  for (const h of checks) {
    h.left = resolve(h.left);
    h.right = resolve(h.right);
  }
  const image = new Float64Array(windowSize + constants.length + temps);
  image.set(constants, windowSize);
  return {
    code: Int32Array.from(code),
    image,
    window: maxLag + 1,
    current,
    loadRow: Int32Array.from(loads, (a) => Math.floor(a / n)),
    loadCol: Int32Array.from(loads, (a) => a % n),
    steps,
    hidden: checks,
  };
}

function arityOf(op: number): number {
  switch (op) {
    case Op.mov:
    case Op.neg:
    case Op.exp:
    case Op.log:
    case Op.sqrt:
    case Op.abs:
      return 1;
    case Op.select:
      return 3;
    default:
      return op >= FUSED_LEFT ? 3 : 2;
  }
}
