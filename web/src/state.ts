/**
 * The workbench's state lives in the URL hash (`#/sheet?entity=pboc&date=2013-12&lang=zh`), so any
 * view can be shared or bookmarked, and back/forward move between views.
 */
export type { Lang } from "../../src/i18n/lang.ts";
import type { Lang } from "../../src/i18n/lang.ts";

export interface Route {
  page: string;
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, "");
  const [page = "", query = ""] = hash.split("?");
  return { page: page || "compare", params: new URLSearchParams(query) };
}

export function currentLang(): Lang {
  const lang = currentRoute().params.get("lang");
  if (lang === "zh" || lang === "en") return lang;
  return navigator.language.startsWith("zh") ? "zh" : "en";
}

function hashOf(page: string, params: URLSearchParams): string {
  const q = params.toString();
  return `#/${page}${q ? `?${q}` : ""}`;
}

/**
 * Sets some parameters of the current page (null removes one; a list repeats the key, as the
 * explorer's lines `s=...&s=...`); `replace` records it silently.
 */
export function setParams(changes: Record<string, string | readonly string[] | null>, replace = false): void {
  const { page, params } = currentRoute();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k);
    else if (typeof v === "string") params.set(k, v);
    else if (params.getAll(k).join("\u0000") !== v.join("\u0000")) {
      params.delete(k);
      for (const x of v) params.append(k, x);
    }
  }
  const next = hashOf(page, params);
  if (next === location.hash) return;
  // replace: record the state for sharing without re-rendering the page (e.g. a clicked point).
  if (replace) history.replaceState(null, "", next);
  else location.hash = next;
}

/** A link to another page, keeping the language. */
export function pageHref(page: string, params: Record<string, string> = {}): string {
  const p = new URLSearchParams(params);
  p.set("lang", currentLang());
  return hashOf(page, p);
}
