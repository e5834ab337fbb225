import { ParseError } from "../../errors.ts";
import type { CompareOp, Expr, FunctionName, Pos } from "../ast.ts";
import { sfcMessages } from "../messages.ts";
import type { Cursor } from "./cursor.ts";

const COMPARE = new Set(["<", "<=", ">", ">=", "==", "!="]);
const FUNCTIONS = new Set(["exp", "log", "sqrt", "abs", "min", "max", "if", "d", "rnorm", "runif"]);
const MAX_DEPTH = 200;
const MAX_LAG = 1000;

/**
 * Recursive-descent expression parser. Precedence, loosest first: comparison, + -, * /, unary -,
 * ^ (right-associative, so -x^2 = -(x^2)), then names, numbers, calls and parentheses.
 * Depth is bounded so hostile input cannot overflow the stack.
 */
export function parseExpression(c: Cursor): Expr {
  return new ExpressionParser(c).comparison(0);
}

class ExpressionParser {
  constructor(private readonly c: Cursor) {}

  private guard(depth: number): void {
    if (depth > MAX_DEPTH) {
      const place = this.c.place();
      throw new ParseError(sfcMessages.tooDeep(place), { place });
    }
  }

  comparison(depth: number): Expr {
    this.guard(depth);
    const left = this.additive(depth + 1);
    const t = this.c.peek();
    if (t.kind === "op" && COMPARE.has(t.text)) {
      this.c.next();
      const right = this.additive(depth + 1);
      return { kind: "cmp", op: t.text as CompareOp, left, right, pos: this.c.pos(t) };
    }
    return left;
  }

  private additive(depth: number): Expr {
    let left = this.term(depth + 1);
    for (;;) {
      const t = this.c.peek();
      if (t.kind !== "op" || (t.text !== "+" && t.text !== "-")) return left;
      this.c.next();
      const right = this.term(depth + 1);
      left = { kind: "bin", op: t.text, left, right, pos: this.c.pos(t) };
    }
  }

  private term(depth: number): Expr {
    let left = this.unary(depth + 1);
    for (;;) {
      const t = this.c.peek();
      if (t.kind !== "op" || (t.text !== "*" && t.text !== "/")) return left;
      this.c.next();
      const right = this.unary(depth + 1);
      left = { kind: "bin", op: t.text, left, right, pos: this.c.pos(t) };
    }
  }

  private unary(depth: number): Expr {
    this.guard(depth);
    const t = this.c.peek();
    if (this.c.isOp("-")) {
      this.c.next();
      return { kind: "neg", arg: this.unary(depth + 1), pos: this.c.pos(t) };
    }
    if (this.c.isOp("+")) {
      this.c.next();
      return this.unary(depth + 1);
    }
    return this.power(depth + 1);
  }

  private power(depth: number): Expr {
    const base = this.primary(depth + 1);
    const t = this.c.peek();
    if (this.c.isOp("^")) {
      this.c.next();
      const exponent = this.unary(depth + 1);
      return { kind: "bin", op: "^", left: base, right: exponent, pos: this.c.pos(t) };
    }
    return base;
  }

  private primary(depth: number): Expr {
    this.guard(depth);
    const t = this.c.peek();
    const pos = this.c.pos(t);
    if (t.kind === "number") {
      this.c.next();
      return { kind: "num", value: t.value, pos };
    }
    if (this.c.isOp("(")) {
      this.c.next();
      const inner = this.comparison(depth + 1);
      this.c.expectOp(")");
      if (this.c.isOp("[")) this.fail(sfcMessages.lagOnNonName(this.c.place()));
      return inner;
    }
    if (t.kind === "ident") {
      this.c.next();
      if (this.c.isOp("[")) return { kind: "var", name: t.text, lag: this.bracketLag(), pos };
      if (this.c.isOp("(")) {
        // `x(-1)` is the EViews/sfcr spelling of a lag; accept it for names that are not functions.
        if (
          !FUNCTIONS.has(t.text) &&
          this.c.isOp("-", 1) &&
          this.c.peek(2).kind === "number" &&
          this.c.isOp(")", 3)
        ) {
          this.c.next();
          this.c.next();
          const lag = this.lagValue(this.c.next());
          this.c.next();
          return { kind: "var", name: t.text, lag, pos };
        }
        return this.call(t.text, pos, depth);
      }
      return { kind: "var", name: t.text, lag: 0, pos };
    }
    return this.c.fail("a number, a name or '('");
  }

  private fail(message: string): never {
    const place = this.c.place();
    throw new ParseError(message, { place });
  }

  private lagValue(t: ReturnType<Cursor["next"]>): number {
    if (t.kind !== "number" || !Number.isInteger(t.value) || t.value < 1 || t.value > MAX_LAG) {
      const place = this.c.place(t);
      throw new ParseError(sfcMessages.badLag(place, `[-${t.text}]`), { place });
    }
    return t.value;
  }

  private bracketLag(): number {
    const open = this.c.next();
    if (!this.c.isOp("-")) {
      const place = this.c.place(open);
      throw new ParseError(sfcMessages.badLag(place, `[${this.c.peek().text}`), { place });
    }
    this.c.next();
    const lag = this.lagValue(this.c.next());
    this.c.expectOp("]");
    return lag;
  }

  private call(name: string, pos: Pos, depth: number): Expr {
    const place = { file: this.c.file, ...pos };
    if (!FUNCTIONS.has(name)) throw new ParseError(sfcMessages.notAFunction(place, name), { place });
    this.c.expectOp("(");
    const args: Expr[] = [];
    if (!this.c.isOp(")")) {
      for (;;) {
        args.push(this.comparison(depth + 1));
        if (!this.c.isOp(",")) break;
        this.c.next();
      }
    }
    this.c.expectOp(")");
    const arity = (expected: string, ok: boolean) => {
      if (!ok) throw new ParseError(sfcMessages.arity(place, name, expected, args.length), { place });
    };
    switch (name) {
      case "d": {
        arity("one argument", args.length === 1);
        const x = args[0]!;
        if (x.kind !== "var") throw new ParseError(sfcMessages.differenceOfName(place), { place });
        // d(x) = x - x[-1]: the change over the period, the usual cell of a flow matrix.
        return {
          kind: "bin",
          op: "-",
          left: x,
          right: { ...x, lag: x.lag + 1 },
          pos,
        };
      }
      case "if":
        arity("three arguments (condition, then, else)", args.length === 3);
        return { kind: "call", fn: "if", args, pos };
      case "rnorm":
      case "runif":
        arity(name === "rnorm" ? "two arguments (mean, sd)" : "two arguments (low, high)", args.length === 2);
        return { kind: "call", fn: name, args, pos };
      case "min":
      case "max": {
        arity("two or more arguments", args.length >= 2);
        // Nest into pairs so the compiler and the derivative handle one shape.
        let acc = args[0]!;
        for (const a of args.slice(1)) acc = { kind: "call", fn: name, args: [acc, a], pos };
        return acc;
      }
      default:
        arity("one argument", args.length === 1);
        return { kind: "call", fn: name as FunctionName, args, pos };
    }
  }
}
