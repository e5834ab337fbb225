import { t } from "./i18n.ts";
import { currentLang } from "./state.ts";

/** The server's JSON API; errors arrive as `{ error: { code, message } }` and are thrown as ApiError. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(res.status, "bad-response", `${res.status} ${res.statusText}: ${text.slice(0, 200)}`);
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(res.status, e?.code ?? "error", e?.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

/**
 * Headers of every API request: the marker the server requires on writes (a page on another site
 * cannot send it without a CORS preflight, which the server refuses), and the access token when the
 * server was opened with one (`bslab serve --host ...` prints `/?token=...`; kept for the tab).
 */
function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const fromUrl = new URLSearchParams(location.search).get("token");
  if (fromUrl) sessionStorage.setItem("bslab-token", fromUrl);
  const token = fromUrl ?? sessionStorage.getItem("bslab-token");
  return {
    "x-bslab-client": "web",
    // Errors come back in the page's language.
    "accept-language": currentLang() === "zh" ? "zh-CN" : "en",
    ...(token ? { "x-bslab-token": token } : {}),
    ...extra,
  };
}

/** Code of the error thrown when the server cannot be reached at all. */
export const OFFLINE = "offline";

/**
 * `fetch`, with a network failure (server stopped, connection refused) turned into an ApiError
 * with code {@link OFFLINE} and announced to the app, which shows the retry banner.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    window.dispatchEvent(new CustomEvent("bslab:offline"));
    throw new ApiError(0, OFFLINE, t("offline.message"));
  }
}

const cache = new Map<string, Promise<unknown>>();

/** GET a JSON document; identical GETs share one request (the store does not change under a page). */
export function getJson<T>(path: string, { fresh = false } = {}): Promise<T> {
  if (fresh) cache.delete(path);
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = send(path, { headers: apiHeaders() }).then((r) => parse<T>(r));
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return p;
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(path, {
    method: "POST",
    headers: apiHeaders({ "content-type": "application/json" }),
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  return parse<T>(res);
}

export async function postForm<T>(path: string, form: FormData): Promise<T> {
  return parse<T>(await send(path, { method: "POST", body: form, headers: apiHeaders() }));
}

/** Forget cached GETs (after an import changed the store). */
export function clearCache(): void {
  cache.clear();
}
