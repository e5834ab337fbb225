import type { Lang } from "./state.ts";

/** What a page renderer receives; it fills `root` and resolves when its first data is shown. */
export interface PageContext {
  root: HTMLElement;
  params: URLSearchParams;
  lang: Lang;
}

export type Page = (ctx: PageContext) => Promise<void>;
