/**
 * The syntax tree of a `.sfc` model file. The parser builds it, the compiler turns it into closures,
 * and the derivative module rewrites it; nothing here is evaluated directly.
 */

/** A place in the model text, 1-based. */
export interface Pos {
  line: number;
  col: number;
}

export type BinaryOp = "+" | "-" | "*" | "/" | "^";
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
/** `rnorm(mean, sd)` and `runif(a, b)` are seeded draws, one per call site and period (see random.ts). */
export type FunctionName = "exp" | "log" | "sqrt" | "abs" | "min" | "max" | "if" | "rnorm" | "runif";

/** An expression node. `lag` is 0 for this period's value, k for `x[-k]`. */
export type Expr =
  | { kind: "num"; value: number; pos: Pos }
  | { kind: "var"; name: string; lag: number; pos: Pos }
  | { kind: "neg"; arg: Expr; pos: Pos }
  | { kind: "bin"; op: BinaryOp; left: Expr; right: Expr; pos: Pos }
  | { kind: "cmp"; op: CompareOp; left: Expr; right: Expr; pos: Pos }
  | { kind: "call"; fn: FunctionName; args: Expr[]; pos: Pos };

/** `NAME = expr` in the equations section: the equation defines NAME. */
export interface EquationNode {
  name: string;
  expr: Expr;
  pos: Pos;
}

/**
 * `NAME = expr` in the parameters, exogenous or initial section. A parameter or exogenous value
 * may use the given names defined above it (evaluated once per run, in order).
 */
export interface AssignmentNode {
  name: string;
  expr: Expr;
  pos: Pos;
}

/** A redundant identity `lhs = rhs`, checked every solved period to `tolerance` (scaled). */
export interface HiddenNode {
  left: Expr;
  right: Expr;
  tolerance: number | undefined;
  pos: Pos;
}

/** One row of a matrix: a label and one cell per column (`undefined` for an empty cell). */
export interface MatrixRowNode {
  label: string;
  cells: Array<Expr | undefined>;
  pos: Pos;
}

/** A transactions-flow or balance-sheet matrix: every row and every column must sum to zero. */
export interface MatrixNode {
  name: string;
  title: string;
  columns: string[];
  rows: MatrixRowNode[];
  /** Allowed |sum| relative to the largest cell; undefined means the default. */
  tolerance: number | undefined;
  pos: Pos;
}

/** The `data` section: a `period` column, then one column per given variable (empty cell: none). */
export interface DataNode {
  columns: string[];
  rows: Array<{ cells: Array<Expr | undefined>; pos: Pos }>;
  pos: Pos;
}

/** A whole model file as parsed, before names are checked. */
export interface ModelNode {
  name: string;
  title: string;
  /** The title in Chinese (`zh "..."` after the title), when the file gives one. */
  titleZh?: string;
  equations: EquationNode[];
  parameters: AssignmentNode[];
  exogenous: AssignmentNode[];
  initial: AssignmentNode[];
  hidden: HiddenNode[];
  matrices: MatrixNode[];
  data: DataNode | undefined;
}

/** Names a model cannot use for its variables. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  "exp",
  "log",
  "sqrt",
  "abs",
  "min",
  "max",
  "if",
  "d",
  "rnorm",
  "runif",
  "period",
]);

/** The built-in clock: the period number (1, 2, ...), usable in any expression. */
export const PERIOD_NAME = "period";
