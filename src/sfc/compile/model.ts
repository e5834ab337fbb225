/**
 * Turns a parsed model into a runnable one: checks names, orders the equations into blocks
 * (strongly connected components), builds the exact Jacobian of every simultaneous block, and
 * compiles every expression to a closure over the value matrix.
 */
import { ModelError } from "../../errors.ts";
import { PERIOD_NAME, type Expr, type ModelNode, type Pos } from "../ast.ts";
import { dependsOn, isZero, piecewiseIn, residualDerivative } from "../derivative.ts";
import { sfcMessages } from "../messages.ts";
import { hasPerfectMatching } from "../order/structural.ts";
import { stronglyConnected } from "../order/scc.ts";
import { compileExpr, type Fn } from "./expression.ts";
import { compileProgram, type Program } from "./program.ts";
import { checkNames, forEachName } from "./names.ts";

/** One equation `name = f(...)`, compiled. */
export interface CompiledEquation {
  name: string;
  col: number;
  fn: Fn;
  expr: Expr;
  pos: Pos;
}

/** A non-zero entry of a block's Jacobian d(x_i - f_i)/dx_j, by position inside the block. */
export interface JacobianEntry {
  row: number;
  col: number;
  fn: Fn;
  expr: Expr;
}

/**
 * A block of the ordered system. A recursive block is one equation evaluated directly; a
 * simultaneous block is a set of equations that depend on each other this period and are iterated.
 */
export interface Block {
  /** 1-based, in solving order (used in messages). */
  id: number;
  simultaneous: boolean;
  equations: CompiledEquation[];
  /** Value-matrix columns of the block's variables, in equation order. */
  cols: Int32Array;
  jacobian: JacobianEntry[];
  /**
   * True when no Jacobian entry depends on the block's own variables and no equation switches on
   * them: one Newton step is exact (and is still confirmed by the residual).
   */
  linear: boolean;
  /** True when an equation switches (if, comparison, abs, min, max) on the block's own variables. */
  switches: boolean;
}

/** A parameter or exogenous variable: a given value, the same every period unless shocked. */
export interface GivenVariable {
  name: string;
  kind: "parameter" | "exogenous";
  value: number;
  col: number;
  pos: Pos;
}

export interface CompiledHidden {
  left: Fn;
  right: Fn;
  tolerance: number;
  pos: Pos;
}

export interface CompiledMatrix {
  name: string;
  tolerance: number;
  /** Column sums and scales, reused each check (one model per thread, so no sharing). */
  scratch: Float64Array;
  title: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<Fn | undefined>; pos: Pos }>;
  pos: Pos;
}

/** A model ready to simulate. Columns: endogenous (equation order), exogenous, parameters, period. */
export interface CompiledModel {
  name: string;
  title: string;
  file: string | undefined;
  source: string;
  columns: string[];
  index: ReadonlyMap<string, number>;
  /** Row width of the value matrix. */
  n: number;
  equations: CompiledEquation[];
  given: GivenVariable[];
  periodCol: number;
  blocks: Block[];
  initial: Array<{ col: number; fn: Fn; pos: Pos }>;
  hidden: CompiledHidden[];
  matrices: CompiledMatrix[];
  maxLag: number;
  /** The per-period work compiled once to an instruction tape (see ./program.ts). */
  program: Program;
}

/** Default tolerance of a hidden equation, relative to max(1, |left|, |right|). */
export const HIDDEN_TOLERANCE = 1e-7;

/** Default tolerance of matrix sums, relative to max(1, largest |cell| of the row or column). */
export const MATRIX_TOLERANCE = 1e-7;

/**
 * Compiles a parsed model.
 * @throws ModelError for reserved, duplicate or undefined names and for blocks that cannot be solved
 * @example
 * const model = compileModel(parseModelText(text, "pc.sfc"), text, "pc.sfc");
 */
export function compileModel(tree: ModelNode, source = "", file?: string): CompiledModel {
  if (tree.equations.length === 0) throw new ModelError(sfcMessages.noEquations(file));
  checkNames(tree, file);

  const columns: string[] = [
    ...tree.equations.map((e) => e.name),
    ...tree.exogenous.map((x) => x.name),
    ...tree.parameters.map((p) => p.name),
    PERIOD_NAME,
  ];
  const index = new Map(columns.map((name, i) => [name, i] as const));
  const n = columns.length;
  const compile = (e: Expr) => compileExpr(e, index, n);

  let maxLag = 1;
  const noteLags = (e: Expr) =>
    forEachName(e, (_name, _pos, lag) => {
      maxLag = Math.max(maxLag, lag);
    });

  const equations: CompiledEquation[] = tree.equations.map((e, i) => {
    noteLags(e.expr);
    return { name: e.name, col: i, fn: compile(e.expr), expr: e.expr, pos: e.pos };
  });

  const constant = (e: { expr: Expr; pos: Pos; name: string }) => {
    const value = compileExpr(e.expr, index, n)(new Float64Array(n), 0);
    if (!Number.isFinite(value)) {
      const place = { file, ...e.pos };
      throw new ModelError(sfcMessages.notFinite(1, e.name, place), { place });
    }
    return value;
  };
  const given: GivenVariable[] = [
    ...tree.exogenous.map((x) => ({
      name: x.name,
      kind: "exogenous" as const,
      value: constant(x),
      col: index.get(x.name)!,
      pos: x.pos,
    })),
    ...tree.parameters.map((p) => ({
      name: p.name,
      kind: "parameter" as const,
      value: constant(p),
      col: index.get(p.name)!,
      pos: p.pos,
    })),
  ];

  const blocks = orderBlocks(equations, index, file);

  const model: Omit<CompiledModel, "program"> = {
    name: tree.name,
    title: tree.title,
    file,
    source,
    columns,
    index,
    n,
    equations,
    given,
    periodCol: n - 1,
    blocks,
    initial: tree.initial.map((i) => ({ col: index.get(i.name)!, fn: compile(i.expr), pos: i.pos })),
    hidden: tree.hidden.map((h) => {
      noteLags(h.left);
      noteLags(h.right);
      return {
        left: compile(h.left),
        right: compile(h.right),
        tolerance: h.tolerance ?? HIDDEN_TOLERANCE,
        pos: h.pos,
      };
    }),
    matrices: tree.matrices.map((m) => ({
      name: m.name,
      title: m.title,
      tolerance: m.tolerance ?? MATRIX_TOLERANCE,
      scratch: new Float64Array(2 * m.columns.length),
      columns: m.columns,
      pos: m.pos,
      rows: m.rows.map((r) => ({
        label: r.label,
        pos: r.pos,
        cells: r.cells.map((c) => {
          if (!c) return undefined;
          noteLags(c);
          return compile(c);
        }),
      })),
    })),
    maxLag,
  };
  const hidden = tree.hidden.map((h, k) => ({ compiled: model.hidden[k]!, left: h.left, right: h.right }));
  return { ...model, program: compileProgram(blocks, hidden, index, n, model.maxLag) };
}

// Dependency graph on this period's values only (lags are known), then SCCs in solving order.
function orderBlocks(
  equations: CompiledEquation[],
  index: ReadonlyMap<string, number>,
  file: string | undefined,
): Block[] {
  const m = equations.length;
  const edges: number[][] = equations.map((e) => {
    const deps = new Set<number>();
    forEachName(e.expr, (name, _pos, lag) => {
      const j = index.get(name);
      if (lag === 0 && j !== undefined && j < m) deps.add(j);
    });
    return [...deps];
  });
  const components = stronglyConnected(m, edges);
  return components.map((component, k) => {
    const eqs = component.map((i) => equations[i]!);
    const first = component[0]!;
    const simultaneous = component.length > 1 || edges[first]!.includes(first);
    const block: Block = {
      id: k + 1,
      simultaneous,
      equations: eqs,
      cols: Int32Array.from(eqs.map((e) => e.col)),
      jacobian: [],
      linear: false,
      switches: false,
    };
    if (simultaneous) {
      const depends: number[][] = [];
      let linear = true;
      eqs.forEach((eq, row) => {
        depends.push([]);
        eqs.forEach((x, col) => {
          const d = residualDerivative(eq.expr, eq.name, x.name);
          if (isZero(d)) return;
          if (eqs.some((y) => dependsOn(d, y.name))) linear = false;
          depends[row]!.push(col);
          block.jacobian.push({ row, col, fn: compileExpr(d, index, index.size), expr: d });
        });
      });
      // A conditional, comparison, abs, min or max of the block's own variables has a zero or
      // branch-wise derivative: the Jacobian looks constant but the block is not linear.
      block.switches = eqs.some((eq) => eqs.some((y) => piecewiseIn(eq.expr, y.name)));
      if (block.switches) linear = false;
      block.linear = linear;
      if (!hasPerfectMatching(eqs.length, depends)) {
        const message = sfcMessages.unorderable(
          block.id,
          eqs.map((e) => e.name),
          eqs.map((e) => e.pos.line),
        );
        throw new ModelError(file ? `${file}: ${message}` : message);
      }
    }
    return block;
  });
}
