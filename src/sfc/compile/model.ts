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
  /** The model's value (a derived one computed from the model's values above it). */
  value: number;
  col: number;
  pos: Pos;
  /**
   * For a value defined from other given values (`omega0 = 0.8 - omega1 * PR`): its formula over
   * a base row, evaluated once per run in definition order unless the run sets it.
   */
  formula: Fn | undefined;
}

/** A seeded draw site: `rnorm(mean, sd)` reads mean + sd·z, `runif(a, b)` reads a + (b − a)·u. */
export interface RandomSite {
  kind: "rnorm" | "runif";
  /** The value-matrix column holding the site's standard draw (z or u) in every period. */
  col: number;
  /** 0-based, in order of appearance: the generator's stream. */
  site: number;
  pos: Pos;
}

/** A value of a given variable in one period, from a data section or a data file. */
export interface DataPoint {
  name: string;
  period: number;
  value: number;
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

/**
 * A model ready to simulate. Columns: endogenous (equation order), exogenous, parameters, the
 * period clock, then one column per draw site (not output).
 */
export interface CompiledModel {
  name: string;
  title: string;
  /** The title in Chinese, when the model file gives one (`model NAME "title" zh "标题"`). */
  titleZh?: string;
  file: string | undefined;
  source: string;
  columns: string[];
  index: ReadonlyMap<string, number>;
  /** Row width of the value matrix. */
  n: number;
  equations: CompiledEquation[];
  /** In definition order (a derived value comes after the values it reads). */
  given: GivenVariable[];
  periodCol: number;
  random: RandomSite[];
  /** The model's data section, as values by name and period. */
  data: DataPoint[];
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

  // Each rnorm/runif call becomes mean + sd·z (or a + (b − a)·u) over a column of standard draws,
  // filled before each period is solved: the solver may evaluate an equation many times, a draw
  // happens once.
  const random: RandomSite[] = [];
  const drawColumn = (call: Extract<Expr, { kind: "call" }>): Expr => {
    const site = random.length;
    random.push({ kind: call.fn as RandomSite["kind"], col: -1, site, pos: call.pos });
    return { kind: "var", name: `${call.fn}@${call.pos.line}:${call.pos.col}`, lag: 0, pos: call.pos };
  };
  const equationTrees = tree.equations.map((e) => ({ ...e, expr: rewriteDraws(e.expr, drawColumn) }));
  const columns: string[] = [
    ...tree.equations.map((e) => e.name),
    ...tree.exogenous.map((x) => x.name),
    ...tree.parameters.map((p) => p.name),
    PERIOD_NAME,
    ...random.map((r) => `${r.kind}@${r.pos.line}:${r.pos.col}`),
  ];
  const periodCol = columns.indexOf(PERIOD_NAME);
  random.forEach((r, k) => (r.col = periodCol + 1 + k));
  const index = new Map(columns.map((name, i) => [name, i] as const));
  const n = columns.length;
  const compile = (e: Expr) => compileExpr(e, index, n);

  let maxLag = 1;
  const noteLags = (e: Expr) =>
    forEachName(e, (_name, _pos, lag) => {
      maxLag = Math.max(maxLag, lag);
    });

  const equations: CompiledEquation[] = equationTrees.map((e, i) => {
    noteLags(e.expr);
    return { name: e.name, col: i, fn: compile(e.expr), expr: e.expr, pos: e.pos };
  });

  // Given values in file order, each evaluated over the ones above it (checked in names.ts).
  const row = new Float64Array(n);
  const givenTrees = [
    ...tree.exogenous.map((x) => ({ ...x, kind: "exogenous" as const })),
    ...tree.parameters.map((p) => ({ ...p, kind: "parameter" as const })),
  ].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  const given: GivenVariable[] = givenTrees.map((g) => {
    const fn = compile(g.expr);
    const col = index.get(g.name)!;
    const value = fn(row, 0);
    if (!Number.isFinite(value)) {
      const place = { file, ...g.pos };
      throw new ModelError(sfcMessages.notFinite(1, g.name, place), { place });
    }
    row[col] = value;
    let reads = false;
    forEachName(g.expr, () => (reads = true));
    return { name: g.name, kind: g.kind, value, col, pos: g.pos, formula: reads ? fn : undefined };
  });
  const data = tree.data ? compileData(tree.data, compile, n, file) : [];

  const blocks = orderBlocks(equations, index, file);

  const model: Omit<CompiledModel, "program"> = {
    name: tree.name,
    title: tree.title,
    ...(tree.titleZh !== undefined ? { titleZh: tree.titleZh } : {}),
    file,
    source,
    columns,
    index,
    n,
    equations,
    given,
    periodCol,
    random,
    data,
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

// Replaces every rnorm/runif call by the expression over its draw column.
function rewriteDraws(e: Expr, column: (call: Extract<Expr, { kind: "call" }>) => Expr): Expr {
  switch (e.kind) {
    case "num":
    case "var":
      return e;
    case "neg":
      return { ...e, arg: rewriteDraws(e.arg, column) };
    case "bin":
    case "cmp":
      return { ...e, left: rewriteDraws(e.left, column), right: rewriteDraws(e.right, column) } as Expr;
    case "call": {
      const args = e.args.map((a) => rewriteDraws(a, column));
      if (e.fn !== "rnorm" && e.fn !== "runif") return { ...e, args };
      const z = column(e);
      const [a, b] = [args[0]!, args[1]!];
      const pos = e.pos;
      // rnorm(mean, sd) = mean + sd·z; runif(a, b) = a + (b − a)·u.
      const scale: Expr = e.fn === "rnorm" ? b : { kind: "bin", op: "-", left: b, right: a, pos };
      return {
        kind: "bin",
        op: "+",
        left: a,
        right: { kind: "bin", op: "*", left: scale, right: z, pos },
        pos,
      };
    }
  }
}

// The data section as points; each period a whole number >= 1, once.
function compileData(
  data: NonNullable<ModelNode["data"]>,
  compile: (e: Expr) => Fn,
  n: number,
  file: string | undefined,
): DataPoint[] {
  const points: DataPoint[] = [];
  const periods = new Set<number>();
  const zero = new Float64Array(n);
  for (const r of data.rows) {
    const place = { file, ...r.pos };
    const period = r.cells[0] ? compile(r.cells[0])(zero, 0) : NaN;
    if (!Number.isInteger(period) || period < 1 || period > MAX_PERIODS)
      throw new ModelError(sfcMessages.dataPeriod(place, String(period), MAX_PERIODS), { place });
    if (periods.has(period)) throw new ModelError(sfcMessages.dataDuplicatePeriod(place, period), { place });
    periods.add(period);
    r.cells.slice(1).forEach((cell, j) => {
      if (!cell) return;
      const value = compile(cell)(zero, 0);
      if (!Number.isFinite(value))
        throw new ModelError(sfcMessages.notFinite(period, data.columns[j + 1]!, place), { place });
      points.push({ name: data.columns[j + 1]!, period, value });
    });
  }
  return points;
}

/** The most periods a run may have. */
export const MAX_PERIODS = 1_000_000;

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
