import "./style.css";

import { clearCache, getJson, OFFLINE } from "./api.ts";
import { chartsSettled, disposeCharts } from "./charts.ts";
import { errorBox, h } from "./dom.ts";
import { t, type StringKey } from "./i18n.ts";
import type { Page } from "./page.ts";
import { currentLang, currentRoute, pageHref, setParams } from "./state.ts";

// Each page is its own chunk, loaded when first shown (ECharts loads beside it, see charts.ts).
const PAGES: Record<string, () => Promise<Page>> = {
  compare: () => import("./pages/compare.ts").then((m) => m.comparePage),
  explorer: () => import("./pages/explorer.ts").then((m) => m.explorerPage),
  sheet: () => import("./pages/sheet.ts").then((m) => m.sheetPage),
  recession: () => import("./pages/recession.ts").then((m) => m.recessionPage),
  scenario: () => import("./pages/scenario.ts").then((m) => m.scenarioPage),
  import: () => import("./pages/import.ts").then((m) => m.importPage),
};

const root = document.getElementById("page")!;
const nav = document.getElementById("nav")!;
const langButton = document.getElementById("lang") as HTMLButtonElement;
let generation = 0;

function renderNav(page: string) {
  nav.replaceChildren(
    ...Object.keys(PAGES).map((p) =>
      h(
        "a",
        { href: pageHref(p), class: p === page ? "active" : undefined, "data-page": p },
        t(`nav.${p}` as StringKey),
      ),
    ),
  );
  langButton.textContent = t("lang.switch");
}

/** A page the app does not have: say so, keep the navigation. */
function notFound(target: HTMLElement, page: string): void {
  target.dataset.page = "not-found";
  target.append(
    h("h2", {}, t("notFound.title")),
    h(
      "p",
      { "data-testid": "not-found" },
      h("code", { translate: "no" }, `#/${page}`),
      " · ",
      t("notFound.body"),
    ),
  );
}

// The retry banner: shown when a request could not reach the server, polling until it answers.
const banner = h("div", { class: "banner", role: "alert", hidden: true, "data-testid": "offline" });
document.body.prepend(banner);
let polling: ReturnType<typeof setTimeout> | undefined;

async function probe(): Promise<void> {
  polling = undefined;
  try {
    await getJson("/api/health", { fresh: true });
  } catch {
    polling = setTimeout(() => void probe(), 1000);
    return;
  }
  banner.hidden = true;
  clearCache();
  void render();
}

function offline(): void {
  banner.replaceChildren(
    h("span", {}, t("offline.message")),
    h("button", { type: "button", onclick: () => void probe() }, t("offline.retry")),
  );
  banner.hidden = false;
  polling ??= setTimeout(() => void probe(), 1000);
}
window.addEventListener("bslab:offline", offline);

async function render() {
  const { page, params } = currentRoute();
  const lang = currentLang();
  const current = ++generation;
  const load = Object.hasOwn(PAGES, page) ? PAGES[page] : undefined;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = `bslab · ${load ? t(`nav.${page}` as StringKey) : t("notFound.title")}`;
  renderNav(page);
  disposeCharts(root);
  root.removeAttribute("data-ready");
  const target = h("div", { class: "page", "data-page": page });
  root.replaceChildren(h("p", { class: "muted" }, t("loading")));
  try {
    if (!load) {
      root.replaceChildren(target);
      notFound(target, page);
      root.dataset.ready = "not-found";
      return;
    }
    const render = await load();
    if (current !== generation) return;
    // Build off-screen only the controls; charts need layout, so attach before drawing.
    root.replaceChildren(target);
    await render({ root: target, params, lang });
    await chartsSettled();
  } catch (error) {
    if (current !== generation) return;
    if (!target.isConnected) root.replaceChildren(target);
    // Server gone (an API call, or the page's own code chunk): the banner says it and retries; the
    // page keeps what it had drawn.
    const gone =
      (error instanceof Error && "code" in error && error.code === OFFLINE) ||
      (error instanceof TypeError && /dynamically imported module|fetch/i.test(error.message));
    if (gone) offline();
    else target.append(errorBox(error));
  }
  if (current === generation) root.dataset.ready = page;
}

langButton.addEventListener("click", () => setParams({ lang: currentLang() === "zh" ? "en" : "zh" }));
window.addEventListener("hashchange", () => void render());
if (!location.hash) history.replaceState(null, "", pageHref("compare"));
void render();
