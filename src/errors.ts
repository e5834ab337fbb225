/**
 * Every failure bslab reports is a BslabError: a stable `code` for scripts, a message that names
 * the input and the place, and the original `cause` when one exists.
 *
 * Message builders shared by several domains live here; each domain keeps its own builders in
 * `src/<domain>/messages.ts` so the text of an error is written once.
 */
import type { Lang, Text } from "./i18n/lang.ts";

export type ErrorCode =
  "parse" | "model" | "data" | "indicator" | "store" | "usage" | "not-found" | "not-computable";

export interface Place {
  file?: string;
  row?: number;
  column?: string | number;
  line?: number;
  col?: number;
}

export class BslabError extends Error {
  readonly code: ErrorCode;
  readonly place: Place | undefined;
  /** The message in both languages, when it was built from the catalogue (src/i18n). */
  readonly text: Text | undefined;

  /** `message` is English text, or both languages (`text(...)` of src/i18n/catalogue.ts). */
  constructor(code: ErrorCode, message: string | Text, options: { cause?: unknown; place?: Place } = {}) {
    super(
      typeof message === "string" ? message : message.en,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.code = code;
    this.place = options.place;
    this.text = typeof message === "string" ? undefined : message;
  }

  /** The message in `lang` (English when it has no translation). */
  messageIn(lang: Lang): string {
    return this.text?.[lang] ?? this.message;
  }
}

/** Text that could not be parsed: a model file, an equation, a date. */
export class ParseError extends BslabError {
  constructor(message: string | Text, options: { cause?: unknown; place?: Place } = {}) {
    super("parse", message, options);
  }
}

/** A model or balance sheet that is well-formed but inconsistent (identity fails, unordered equations). */
export class ModelError extends BslabError {
  constructor(message: string | Text, options: { cause?: unknown; place?: Place } = {}) {
    super("model", message, options);
  }
}

/** Input data that cannot be accepted: a bad row, an unknown unit, a missing column. */
export class DataError extends BslabError {
  constructor(message: string | Text, options: { cause?: unknown; place?: Place } = {}) {
    super("data", message, options);
  }
}

/** An indicator that cannot be defined or registered (computations report `Missing` instead). */
export class IndicatorError extends BslabError {
  constructor(message: string | Text, options: { cause?: unknown; place?: Place } = {}) {
    super("indicator", message, options);
  }
}

/** Something the user asked for does not exist: an entity, a dataset, a model name. */
export class NotFoundError extends BslabError {
  constructor(message: string | Text, options: { cause?: unknown } = {}) {
    super("not-found", message, options);
  }
}

/** A command line or API request that is malformed. */
export class UsageError extends BslabError {
  constructor(message: string | Text, options: { cause?: unknown } = {}) {
    super("usage", message, options);
  }
}

/** Formats a place as `file:row:column` (imports) or `line:col` (model text). */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(place.file);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.col !== undefined) parts.push(`col ${place.col}`);
  return parts.join(", ");
}

export const messages = {
  invalidOption: (name: string, value: unknown, expected: string) =>
    `invalid ${name}: ${JSON.stringify(value)} (expected ${expected})`,
  unknownEntity: (id: string, known: readonly string[]) =>
    `unknown entity: ${JSON.stringify(id)} (known: ${known.join(", ") || "none; run `bslab datasets`"})`,
  noSheet: (entity: string, date: string, nearest?: string) =>
    `no balance sheet for ${entity} at ${date}` + (nearest ? ` (nearest available: ${nearest})` : ""),
  notANumber: (place: Place, text: string) => `${formatPlace(place)}: not a number: ${JSON.stringify(text)}`,
  missingColumn: (file: string, column: string, header: readonly string[]) =>
    `${file}: missing column ${JSON.stringify(column)} (header has: ${header.join(", ")})`,
  duplicatePosition: (file: string, row: number, item: string, entity: string, date: string) =>
    `${file}: row ${row}, column item: duplicate position ${JSON.stringify(item)} for ${entity} ${date}`,
  duplicateObservation: (place: Place, series: string, date: string) =>
    `${formatPlace(place)}: duplicate observation ${series} ${date} (each appears once per file)`,
  zeroDenominator: (what: string) => `not computable: ${what} is zero`,
  missingInput: (what: string) => `not computable: no ${what} in the sheet`,
};
