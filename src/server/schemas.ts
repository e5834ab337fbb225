/** JSON-schema fragments shared by the routes (validated by Fastify, listed in the OpenAPI document). */

export const ENTITY = {
  type: "string",
  pattern: "^[\\p{L}\\p{N}_.:'(), -]{1,64}$",
  description:
    "entity id (pboc, fed, boj, ecb, an imported id) or an External Wealth of Nations economy name",
} as const;

export const DATE = {
  type: "string",
  pattern: "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4])?$",
  description: "period: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn",
} as const;

export const LANG = { type: "string", enum: ["en", "zh"], default: "en" } as const;

export const YEAR = { type: "integer", minimum: 1800, maximum: 2100 } as const;

export const COUNTRY = {
  type: "string",
  pattern: "^[A-Za-z]{2,3}$",
  description: "BIS two-letter (or ISO3) country code, e.g. JP",
} as const;

export const MODEL = {
  type: "string",
  pattern: "^[A-Za-z0-9_-]{1,32}$",
  description: "built-in model name: sim, simex, pc, lp1, bmw, bsr",
} as const;

export const WINDOW = {
  type: "string",
  pattern: "^\\d{1,2}-\\d{1,2}q?$",
  default: "5-12q",
  description: "pre-crisis window in quarters before a crisis start, FROM-TOq, e.g. 5-12q",
} as const;

/** A finite number (JSON has no NaN/Infinity, so the type check is enough). */
export const NUMBER = { type: "number" } as const;

/** Readable text for a failed `pattern`, instead of the regular expression. */
export function patternHint(pattern: string): string | undefined {
  for (const s of [ENTITY, DATE, COUNTRY, MODEL, WINDOW]) if (s.pattern === pattern) return s.description;
  return undefined;
}
