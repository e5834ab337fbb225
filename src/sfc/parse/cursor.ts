import { ParseError } from "../../errors.ts";
import { sfcMessages } from "../messages.ts";
import type { Pos } from "../ast.ts";
import type { Token } from "./lexer.ts";

/** A read position over the token list, shared by the section and expression parsers. */
export class Cursor {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    readonly file: string | undefined,
    readonly source: string,
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  isOp(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === "op" && t.text === text;
  }

  pos(t: Token = this.peek()): Pos {
    return { line: t.line, col: t.col };
  }

  place(t: Token = this.peek()) {
    return { file: this.file, line: t.line, col: t.col };
  }

  /** Throws a ParseError at the current token: `expected WHAT, found X`. */
  fail(what: string, t: Token = this.peek()): never {
    throw new ParseError(sfcMessages.expected(this.place(t), what, describe(t)), { place: this.place(t) });
  }

  expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`'${text}'`);
    return this.next();
  }

  expectIdent(what = "a name"): Token {
    if (this.peek().kind !== "ident") this.fail(what);
    return this.next();
  }

  expectEndOfLine(): void {
    const t = this.peek();
    if (t.kind === "newline") this.next();
    else if (t.kind !== "eof") this.fail("end of line");
  }
}

/** How a token reads in an error message. */
export function describe(t: Token): string {
  if (t.kind === "eof" || (t.kind === "newline" && t.text === "")) return "end of file";
  if (t.kind === "newline") return "end of line";
  return `'${t.text}'`;
}
