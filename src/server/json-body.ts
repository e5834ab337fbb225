import type { FastifyInstance } from "fastify";

import { UsageError } from "../errors.ts";
import { text } from "../i18n/catalogue.ts";

/**
 * Where a parsed JSON body holds a key that would reach an object's prototype: `__proto__`
 * anywhere, or `constructor` holding `prototype` (the two shapes Fastify's parser refuses), as a
 * JSON pointer to the key; undefined when there is none.
 */
export function prototypeKeyIn(value: unknown, path = ""): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = prototypeKeyIn(v, `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}/${key}`;
    if (key === "__proto__") return at;
    if (key === "constructor" && v !== null && typeof v === "object" && Object.hasOwn(v, "prototype"))
      return `${at}/prototype`;
    const found = prototypeKeyIn(v, at);
    if (found) return found;
  }
  return undefined;
}

/**
 * JSON bodies as Fastify parses them (prototype keys refused), but a refused prototype key is
 * named with its place and why, not reported as "not valid JSON": the JSON was valid.
 */
export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    parse(req, body as string, (error: Error | null, value?: unknown) => {
      if (!error) return done(null, value);
      let plain: unknown;
      try {
        // Native JSON.parse keeps `__proto__` as an own key (no pollution): only to find it.
        plain = JSON.parse(body as string);
      } catch {
        return done(error, undefined);
      }
      const key = prototypeKeyIn(plain);
      done(key ? new UsageError(text("server.prototypeKey", key)) : error, undefined);
    });
  });
}
