import { ParseError } from "../../errors.ts";
import type { AssignmentNode, DataNode, Expr, MatrixNode, ModelNode } from "../ast.ts";
import { sfcMessages } from "../messages.ts";
import { Cursor } from "./cursor.ts";
import { parseExpression } from "./expression.ts";
import { tokenize, type Token } from "./lexer.ts";

type Section = "equations" | "parameters" | "exogenous" | "initial" | "hidden" | "matrix" | "data";
const SIMPLE_SECTIONS = new Set(["equations", "parameters", "exogenous", "initial", "hidden", "data"]);

/**
 * Parses the text of a `.sfc` model into a syntax tree. Names are not resolved here (see
 * compile/model.ts); this stage only checks the shape of each line.
 *
 * @param source the model text
 * @param file file name used in error places (optional)
 * @throws ParseError naming line and column
 * @example
 * const tree = parseModelText('model SIM\nequations\n  Y = C + G\n...');
 */
export function parseModelText(source: string, file?: string): ModelNode {
  const c = new Cursor(tokenize(source, file), file, source);
  while (c.peek().kind === "newline") c.next();
  const head = c.peek();
  if (head.kind !== "ident" || head.text !== "model") {
    throw new ParseError(sfcMessages.missingModelHeader(c.place(head)), { place: c.place(head) });
  }
  c.next();
  const name = c.expectIdent("the model name").text;
  const title = c.peek().kind === "string" ? unquote(c.next()) : "";
  // `model PC "Portfolio choice" zh "资产组合选择"`: an optional Chinese title after the English one.
  let titleZh: string | undefined;
  if (c.peek().kind === "ident" && c.peek().text === "zh" && c.peek(1).kind === "string") {
    c.next();
    titleZh = unquote(c.next());
  }
  c.expectEndOfLine();

  const model: ModelNode = {
    name,
    title,
    ...(titleZh !== undefined ? { titleZh } : {}),
    equations: [],
    parameters: [],
    exogenous: [],
    initial: [],
    hidden: [],
    matrices: [],
    data: undefined,
  };
  let section: Section | undefined;
  let matrix: MatrixNode | undefined;

  while (c.peek().kind !== "eof") {
    const t = c.peek();
    if (t.kind === "newline") {
      c.next();
      continue;
    }
    const endsLine = c.peek(1).kind === "newline" || c.peek(1).kind === "eof";
    if (t.kind === "ident" && SIMPLE_SECTIONS.has(t.text) && endsLine) {
      c.next();
      c.expectEndOfLine();
      section = t.text as Section;
      if (section === "data") {
        if (model.data) throw new ParseError(sfcMessages.secondData(c.place(t)), { place: c.place(t) });
        model.data = { columns: [], rows: [], pos: c.pos(t) };
      }
      continue;
    }
    if (t.kind === "ident" && t.text === "matrix" && c.peek(1).kind === "ident") {
      c.next();
      const id = c.next();
      matrix = { name: id.text, title: "", columns: [], rows: [], tolerance: undefined, pos: c.pos(t) };
      if (c.peek().kind === "string") matrix.title = unquote(c.next());
      matrix.tolerance = within(c);
      c.expectEndOfLine();
      model.matrices.push(matrix);
      section = "matrix";
      continue;
    }
    if (t.kind === "ident" && t.text === "model" && c.peek(1).kind === "ident") {
      throw new ParseError(sfcMessages.duplicateHeader(c.place(t)), { place: c.place(t) });
    }
    switch (section) {
      case undefined:
        throw new ParseError(sfcMessages.noSection(c.place(t)), { place: c.place(t) });
      case "equations": {
        const a = assignment(c);
        model.equations.push(a);
        break;
      }
      case "parameters":
      case "exogenous":
      case "initial": {
        const a = assignment(c);
        model[section].push(a);
        break;
      }
      case "data":
        dataLine(c, model.data!);
        break;
      case "hidden": {
        const left = parseExpression(c);
        c.expectOp("=");
        const right = parseExpression(c);
        const tolerance = within(c);
        model.hidden.push({ left, right, tolerance, pos: c.pos(t) });
        break;
      }
      case "matrix":
        matrixLine(c, matrix!);
        break;
    }
    c.expectEndOfLine();
  }
  for (const m of model.matrices) {
    if (m.rows.length === 0) {
      const place = { file, ...m.pos };
      throw new ParseError(sfcMessages.emptyMatrix(place, m.name), { place });
    }
  }
  return model;
}

// Optional `within TOLERANCE` after a hidden equation or a matrix header.
function within(c: Cursor): number | undefined {
  if (c.peek().kind !== "ident" || c.peek().text !== "within") return undefined;
  c.next();
  const n = c.peek();
  if (n.kind !== "number") c.fail("a tolerance number after 'within'");
  c.next();
  return n.value;
}

function unquote(t: Token): string {
  return t.text.slice(1, -1);
}

// `NAME = expr`; which names the expression may read is checked with the names (compile/names.ts).
function assignment(c: Cursor): AssignmentNode {
  const t = c.expectIdent("a variable name");
  if (c.isOp("[") || c.isOp("(")) {
    const place = c.place();
    throw new ParseError(sfcMessages.lagOnLeft(place), { place });
  }
  c.expectOp("=");
  const expr = parseExpression(c);
  return { name: t.text, expr, pos: c.pos(t) };
}

// The data section: `period, NAME, ...` once, then rows of numbers (an empty cell: no value).
function dataLine(c: Cursor, data: DataNode): void {
  const first = c.peek();
  if (data.columns.length === 0) {
    for (;;) {
      data.columns.push(c.expectIdent("a column name (the first is period)").text);
      if (!c.isOp(",")) break;
      c.next();
    }
    if (data.columns[0] !== "period") {
      const place = c.place(first);
      throw new ParseError(sfcMessages.dataHeader(place), { place });
    }
    return;
  }
  const cells: Array<Expr | undefined> = [];
  for (;;) {
    const t = c.peek();
    const empty = (t.kind === "op" && t.text === ",") || t.kind === "newline" || t.kind === "eof";
    const cell = empty ? undefined : parseExpression(c);
    const name = cell && firstName(cell);
    if (name) {
      const place = { file: c.file, ...name.pos };
      throw new ParseError(sfcMessages.notConstant(place, "data"), { place });
    }
    cells.push(cell);
    if (!c.isOp(",")) break;
    c.next();
  }
  if (cells.length !== data.columns.length) {
    const place = c.place(first);
    throw new ParseError(sfcMessages.cellCount(place, "data", cells.length, data.columns.length), { place });
  }
  data.rows.push({ cells, pos: c.pos(first) });
}

function firstName(e: Expr): Expr | undefined {
  switch (e.kind) {
    case "num":
      return undefined;
    case "var":
      return e;
    case "neg":
      return firstName(e.arg);
    case "bin":
    case "cmp":
      return firstName(e.left) ?? firstName(e.right);
    case "call":
      for (const a of e.args) {
        const n = firstName(a);
        if (n) return n;
      }
      return undefined;
  }
}

// A matrix line is `columns: A, B, C` or `Row label: cell, cell, cell` (empty cell = 0).
function matrixLine(c: Cursor, m: MatrixNode): void {
  const first = c.peek();
  const label = labelUntil(c, ":");
  c.expectOp(":");
  if (label === "columns" && m.columns.length === 0) {
    for (;;) {
      m.columns.push(labelUntil(c, ","));
      if (!c.isOp(",")) break;
      c.next();
    }
    return;
  }
  if (m.columns.length === 0) {
    const place = c.place(first);
    throw new ParseError(sfcMessages.noColumns(place, m.name), { place });
  }
  const cells: Array<Expr | undefined> = [];
  for (;;) {
    const t = c.peek();
    const empty = (t.kind === "op" && t.text === ",") || t.kind === "newline" || t.kind === "eof";
    cells.push(empty ? undefined : parseExpression(c));
    if (!c.isOp(",")) break;
    c.next();
  }
  if (cells.length !== m.columns.length) {
    const place = c.place(first);
    throw new ParseError(sfcMessages.cellCount(place, label, cells.length, m.columns.length), { place });
  }
  m.rows.push({ label, cells, pos: c.pos(first) });
}

// Labels keep their spelling (spaces included) by slicing the tokens' source span.
function labelUntil(c: Cursor, stop: string): string {
  const first = c.peek();
  if (first.kind === "string") {
    c.next();
    return unquote(first);
  }
  let last: Token | undefined;
  while (
    !c.isOp(stop) &&
    !c.isOp(",") &&
    !c.isOp(":") &&
    c.peek().kind !== "newline" &&
    c.peek().kind !== "eof"
  ) {
    last = c.next();
  }
  if (last === undefined) {
    const place = c.place(first);
    throw new ParseError(sfcMessages.emptyLabel(place), { place });
  }
  return c.source.slice(first.offset, last.end);
}
