import "./style.css";

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

async function render() {
  const { page, params } = currentRoute();
  const lang = currentLang();
  const current = ++generation;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = `bslab · ${t(`nav.${page}` as StringKey) ?? page}`;
  renderNav(page);
  disposeCharts(root);
  root.removeAttribute("data-ready");
  const target = h("div", { class: "page", "data-page": page });
  root.replaceChildren(h("p", { class: "muted" }, t("loading")));
  const load = PAGES[page];
  try {
    if (!load) throw new Error(`unknown page ${JSON.stringify(page)}`);
    const render = await load();
    if (current !== generation) return;
    // Build off-screen only the controls; charts need layout, so attach before drawing.
    root.replaceChildren(target);
    await render({ root: target, params, lang });
    await chartsSettled();
  } catch (error) {
    if (current !== generation) return;
    root.replaceChildren(target);
    target.append(errorBox(error));
  }
  if (current === generation) root.dataset.ready = page;
}

langButton.addEventListener("click", () => setParams({ lang: currentLang() === "zh" ? "en" : "zh" }));
window.addEventListener("hashchange", () => void render());
if (!location.hash) history.replaceState(null, "", pageHref("compare"));
void render();
