import "./style.css";

import { disposeCharts } from "./charts.ts";
import { errorBox, h } from "./dom.ts";
import { t, type StringKey } from "./i18n.ts";
import type { Page } from "./page.ts";
import { comparePage } from "./pages/compare.ts";
import { explorerPage } from "./pages/explorer.ts";
import { importPage } from "./pages/import.ts";
import { recessionPage } from "./pages/recession.ts";
import { scenarioPage } from "./pages/scenario.ts";
import { sheetPage } from "./pages/sheet.ts";
import { currentLang, currentRoute, pageHref, setParams } from "./state.ts";

const PAGES: Record<string, Page> = {
  compare: comparePage,
  explorer: explorerPage,
  sheet: sheetPage,
  recession: recessionPage,
  scenario: scenarioPage,
  import: importPage,
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
  const render = PAGES[page];
  try {
    if (!render) throw new Error(`unknown page ${JSON.stringify(page)}`);
    // Build off-screen only the controls; charts need layout, so attach before drawing.
    root.replaceChildren(target);
    await render({ root: target, params, lang });
  } catch (error) {
    if (current !== generation) return;
    target.append(errorBox(error));
  }
  if (current === generation) root.dataset.ready = page;
}

langButton.addEventListener("click", () => setParams({ lang: currentLang() === "zh" ? "en" : "zh" }));
window.addEventListener("hashchange", () => void render());
if (!location.hash) history.replaceState(null, "", pageHref("compare"));
void render();
