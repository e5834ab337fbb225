import { ParseError } from "../../errors.ts";
import { sfcMessages } from "../messages.ts";

export type TokenKind = "ident" | "number" | "string" | "op" | "newline" | "eof";

/** One token with its place; `offset`/`end` index the source so labels can keep their spelling. */
export interface Token {
  kind: TokenKind;
  text: string;
  value: number;
  line: number;
  col: number;
  offset: number;
  end: number;
}

const TWO_CHAR_OPS = new Set(["<=", ">=", "==", "!="]);
const ONE_CHAR_OPS = new Set(["+", "-", "*", "/", "^", "(", ")", "[", "]", ",", "=", "<", ">", ":"]);
// A line ending in one of these continues on the next line, so long equations can wrap.
const CONTINUES = new Set(["+", "-", "*", "/", "^", "=", "<", ">", "<=", ">=", "==", "!="]);

const isDigit = (c: string) => c >= "0" && c <= "9";
const isIdentStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c) || c === ".";

/**
 * Splits model text into tokens. Newlines are tokens (the language is line-based) except inside
 * parentheses or brackets and after a binary operator, where the statement continues.
 * @throws ParseError naming line and column for a character the language does not use.
 */
export function tokenize(source: string, file?: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  const place = (at: number) => ({ file, line, col: at - lineStart + 1 });
  const push = (kind: TokenKind, start: number, end: number, value = 0) =>
    tokens.push({
      kind,
      text: source.slice(start, end),
      value,
      line,
      col: start - lineStart + 1,
      offset: start,
      end,
    });

  while (i < source.length) {
    const c = source[i]!;
    if (c === "\n") {
      const last = tokens[tokens.length - 1];
      const continues = depth > 0 || (last !== undefined && last.kind === "op" && CONTINUES.has(last.text));
      if (!continues && last !== undefined && last.kind !== "newline") push("newline", i, i + 1);
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(source[i + 1] ?? ""))) {
      const start = i;
      while (isDigit(source[i] ?? "")) i++;
      if (source[i] === ".") {
        i++;
        while (isDigit(source[i] ?? "")) i++;
      }
      if (source[i] === "e" || source[i] === "E") {
        const save = i;
        i++;
        if (source[i] === "+" || source[i] === "-") i++;
        if (!isDigit(source[i] ?? "")) i = save;
        else while (isDigit(source[i] ?? "")) i++;
      }
      const value = Number(source.slice(start, i));
      if (!Number.isFinite(value))
        throw new ParseError(sfcMessages.numberOutOfRange(place(start), source.slice(start, i)), {
          place: place(start),
        });
      push("number", start, i, value);
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (isIdentPart(source[i] ?? "")) i++;
      push("ident", start, i);
      continue;
    }
    if (c === '"') {
      const start = i;
      i++;
      while (i < source.length && source[i] !== '"' && source[i] !== "\n") i++;
      if (source[i] !== '"')
        throw new ParseError(sfcMessages.unterminatedString(place(start)), { place: place(start) });
      i++;
      push("string", start, i);
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      push("op", i, i + 2);
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      if (c === "(" || c === "[") depth++;
      if ((c === ")" || c === "]") && depth > 0) depth--;
      push("op", i, i + 1);
      i++;
      continue;
    }
    throw new ParseError(sfcMessages.unexpectedCharacter(place(i), c), { place: place(i) });
  }
  if (tokens.length > 0 && tokens[tokens.length - 1]!.kind !== "newline") push("newline", i, i);
  push("eof", i, i);
  return tokens;
}
