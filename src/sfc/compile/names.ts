/**
 * Name checks before compiling: reserved names, duplicate definitions, undefined names (with a
 * "did you mean" hint), and initial values for names no equation defines.
 */
import { ModelError } from "../../errors.ts";
import { PERIOD_NAME, RESERVED_NAMES, type DataNode, type Expr, type ModelNode, type Pos } from "../ast.ts";
import { sfcMessages } from "../messages.ts";

export type Section = "equations" | "parameters" | "exogenous";

export interface Definition {
  section: Section;
  pos: Pos;
}

/** Collects every defined name and checks the model's names; throws ModelError on the first problem kind. */
export function checkNames(model: ModelNode, file: string | undefined): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  const define = (name: string, section: Section, pos: Pos) => {
    const place = { file, ...pos };
    if (RESERVED_NAMES.has(name)) throw new ModelError(sfcMessages.reservedName(place, name), { place });
    const first = defs.get(name);
    if (first) {
      throw new ModelError(sfcMessages.duplicate(place, name, { file, ...first.pos }, first.section), {
        place,
      });
    }
    defs.set(name, { section, pos });
  };
  for (const e of model.equations) define(e.name, "equations", e.pos);
  for (const p of model.parameters) define(p.name, "parameters", p.pos);
  for (const x of model.exogenous) define(x.name, "exogenous", x.pos);

  const undefinedNames: Array<{
    place: { file: string | undefined } & Pos;
    name: string;
    hint: string | undefined;
  }> = [];
  const seen = new Set<string>();
  const visit = (e: Expr) =>
    forEachName(e, (name, pos) => {
      if (name === PERIOD_NAME || defs.has(name) || seen.has(name)) return;
      seen.add(name);
      undefinedNames.push({ place: { file, ...pos }, name, hint: closest(name, [...defs.keys()]) });
    });
  for (const e of model.equations) visit(e.expr);
  for (const i of model.initial) visit(i.expr);
  for (const h of model.hidden) {
    visit(h.left);
    visit(h.right);
  }
  for (const m of model.matrices) for (const r of m.rows) for (const c of r.cells) if (c) visit(c);
  const givens = [...model.parameters, ...model.exogenous];
  for (const g of givens) visit(g.expr);
  if (undefinedNames.length > 0) {
    throw new ModelError(sfcMessages.undefinedNames(undefinedNames), { place: undefinedNames[0]!.place });
  }
  for (const i of model.initial) {
    if (!defs.has(i.name)) {
      const place = { file, ...i.pos };
      throw new ModelError(sfcMessages.initialNotEndogenous(place, i.name), { place });
    }
  }
  // A parameter or exogenous value reads only given values defined above it, this period's.
  for (const g of givens) {
    forEachName(g.expr, (name, pos, lag) => {
      const place = { file, ...pos };
      const d = defs.get(name);
      if (name === PERIOD_NAME || d === undefined || d.section === "equations" || lag > 0)
        throw new ModelError(sfcMessages.givenReads(place, g.name, name), { place });
      if (d.pos.line > g.pos.line || (d.pos.line === g.pos.line && d.pos.col >= g.pos.col))
        throw new ModelError(sfcMessages.givenOrder(place, g.name, name, { file, ...d.pos }), { place });
    });
  }
  // Draws belong to equations: a start value, check or matrix cell must not change with the seed.
  const noDraws = (e: Expr) => {
    const call = findDraw(e);
    if (call) {
      const place = { file, ...call.pos };
      throw new ModelError(sfcMessages.drawOutsideEquations(place, call.fn), { place });
    }
  };
  for (const g of [...givens, ...model.initial]) noDraws(g.expr);
  for (const h of model.hidden) [h.left, h.right].forEach(noDraws);
  for (const m of model.matrices) for (const r of m.rows) for (const c of r.cells) if (c) noDraws(c);
  if (model.data) checkData(model.data, defs, file);
  return defs;
}

function checkData(data: DataNode, defs: ReadonlyMap<string, Definition>, file: string | undefined): void {
  const seen = new Set<string>();
  for (const name of data.columns.slice(1)) {
    const place = { file, ...data.pos };
    const d = defs.get(name);
    if (d === undefined || d.section === "equations")
      throw new ModelError(sfcMessages.dataColumn(place, name, d !== undefined), { place });
    if (seen.has(name)) throw new ModelError(sfcMessages.dataDuplicateColumn(place, name), { place });
    seen.add(name);
  }
}

/** The first rnorm/runif call in an expression. */
export function findDraw(e: Expr): Extract<Expr, { kind: "call" }> | undefined {
  switch (e.kind) {
    case "num":
    case "var":
      return undefined;
    case "neg":
      return findDraw(e.arg);
    case "bin":
    case "cmp":
      return findDraw(e.left) ?? findDraw(e.right);
    case "call":
      if (e.fn === "rnorm" || e.fn === "runif") return e;
      for (const a of e.args) {
        const d = findDraw(a);
        if (d) return d;
      }
      return undefined;
  }
}

/** Calls `f` for every name read by the expression. */
export function forEachName(e: Expr, f: (name: string, pos: Pos, lag: number) => void): void {
  switch (e.kind) {
    case "num":
      return;
    case "var":
      f(e.name, e.pos, e.lag);
      return;
    case "neg":
      forEachName(e.arg, f);
      return;
    case "bin":
    case "cmp":
      forEachName(e.left, f);
      forEachName(e.right, f);
      return;
    case "call":
      for (const a of e.args) forEachName(a, f);
  }
}

/** The closest known name within a small edit distance (case-insensitive match first), for hints. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  let best: string | undefined;
  // Short names are too close to everything: allow one edit per two letters, at most two.
  let bestDistance = Math.min(2, Math.floor(name.length / 2)) + 1;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
