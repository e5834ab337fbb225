import type { FastifyInstance, InjectOptions } from "fastify";

import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

/** A server over a fresh database with the bundled data, for `app.inject`. */
export async function testServer(): Promise<{
  app: FastifyInstance;
  dbPath: string;
  cleanup: () => Promise<void>;
}> {
  const db = seededDbPath();
  const app = await buildServer({ dbPath: db.path, webRoot: "/nonexistent-web-root", idleCloseMs: 50 });
  return {
    app,
    dbPath: db.path,
    cleanup: async () => {
      await app.close();
      db.cleanup();
    },
  };
}

/** The header the web app sends (src/server/guard.ts): without it the server refuses writes. */
export const APP_HEADERS = { "x-bslab-client": "test" } as const;

/** Injects a request as the web app would (with its header) and parses the JSON answer. */
export async function call<T = Record<string, unknown>>(
  app: FastifyInstance,
  options: InjectOptions | string,
): Promise<{ status: number; body: T; raw: string }> {
  const given = typeof options === "string" ? { url: options } : options;
  const res = await app.inject({
    ...given,
    headers: { ...APP_HEADERS, ...(given.headers as Record<string, string> | undefined) },
  });
  let body: T;
  try {
    body = JSON.parse(res.body) as T;
  } catch {
    body = undefined as T;
  }
  return { status: res.statusCode, body, raw: res.body };
}

/** A multipart/form-data body with one file field. */
export function multipart(
  filename: string,
  content: string | Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----bslabtest" + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export interface ErrorAnswer {
  error: { code: string; message: string };
}
