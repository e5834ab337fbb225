import { clearCache, getJson, postForm } from "../api.ts";
import { downloadBlob } from "../download.ts";
import { errorBox, h, select } from "../dom.ts";
import { layoutDescription, t, tf } from "../i18n.ts";
import type { Page } from "../page.ts";
import { pageHref } from "../state.ts";
import type { Preview } from "../types.ts";
import { controls, heading } from "./common.ts";

interface ImportResult {
  file: string;
  mapping: string;
  dataset: string;
  vintage: string;
  sheets: number;
  positions: number;
}

/** The uploaded rows with every error's row and cell highlighted, and the error list. */
function previewView(p: Preview): HTMLElement {
  const byRow = new Map<number, Map<string | null, string[]>>();
  for (const e of p.errors) {
    if (e.row === null) continue;
    const cols = byRow.get(e.row) ?? new Map<string | null, string[]>();
    cols.set(e.column, [...(cols.get(e.column) ?? []), e.message]);
    byRow.set(e.row, cols);
  }
  const errorList = h(
    "table",
    { class: "errors", "data-testid": "import-errors" },
    h("thead", {}, h("tr", {}, h("th", {}, t("row")), h("th", {}, t("column")), h("th", {}, t("message")))),
    h(
      "tbody",
      {},
      ...p.errors.map((e) =>
        h(
          "tr",
          {},
          h("td", { class: "num" }, e.row === null ? "–" : String(e.row)),
          h("td", {}, e.column ?? "–"),
          h("td", {}, e.message),
        ),
      ),
    ),
  );
  const header = h("tr", {}, h("th", { class: "num" }, "#"), ...p.header.map((c) => h("th", {}, c)));
  const headerErrors = byRow.get(1);
  if (headerErrors) header.classList.add("row-error");
  const body = p.rows.map(({ row, cells }) => {
    const errs = byRow.get(row);
    const tr = h(
      "tr",
      { class: errs ? "row-error" : undefined, "data-row": row },
      h("td", { class: "num" }, String(row)),
    );
    p.header.forEach((col, i) => {
      const messages = errs?.get(col);
      tr.append(
        h(
          "td",
          { class: messages ? "cell-error" : undefined, title: messages?.join("\n"), "data-column": col },
          cells[i] ?? "",
        ),
      );
    });
    return tr;
  });
  return h(
    "section",
    { class: "panel", "data-testid": "import-preview" },
    h(
      "h3",
      {},
      `${p.file}: ${p.totalRows} ${t("import.rows")} · ${p.mapping ?? "?"} · ${p.ok ? t("import.ok") : `${p.errors.length} ${t("import.errors")}`}`,
    ),
    p.encoding
      ? h(
          "p",
          { "data-testid": "import-encoding" },
          `${t("import.encoding")}: `,
          h("b", {}, p.encoding === "gb18030" ? "GB18030 (GBK)" : p.encoding.toUpperCase()),
        )
      : null,
    p.errors.length ? errorList : null,
    p.summary
      ? h(
          "p",
          { class: "muted" },
          [
            p.summary.entities.join(", "),
            p.summary.dates.join(", "),
            tf("import.summary", p.summary.sheets, p.summary.positions, p.summary.series),
          ]
            .filter(Boolean)
            .join(" · "),
        )
      : null,
    h(
      "div",
      { class: "table-wrap" },
      h("table", { class: "preview" }, h("thead", {}, header), h("tbody", {}, ...body)),
    ),
  );
}

/** What each column of the long CSV takes, as written in the file. */
const VALUES: Readonly<Record<string, string>> = {
  entity: "bank1",
  date: "2024-12",
  item: "loans",
  side: "asset | liability | equity",
  currency: "CNY, USD, EUR, ...",
  maturity: "short | long | unknown",
  value: "120, 1,000.5",
  unit: "CNY 亿元, EUR millions",
};

/** Import: upload a CSV, preview it with errors placed by row and column, then commit atomically. */
export const importPage: Page = async ({ root, params, lang }) => {
  const { mappings } = await getJson<{ mappings: Array<{ name: string; description: string }> }>(
    "/api/mappings",
  );
  let mapping = params.get("mapping") ?? "";
  const file = h("input", {
    type: "file",
    name: "file",
    accept: ".csv,.xls,.xlsx,text/csv",
    "data-testid": "import-file",
  });
  const out = h("div", { "data-testid": "import-out" });
  const commit = h(
    "button",
    { type: "button", disabled: true, "data-testid": "import-commit" },
    t("import.commit"),
  );
  const previewBtn = h(
    "button",
    { type: "button", "data-testid": "import-preview-btn" },
    t("import.preview"),
  );
  const form = () => {
    const f = file.files?.[0];
    if (!f) return undefined;
    const fd = new FormData();
    fd.append("file", f, f.name);
    return fd;
  };
  // The page's language goes with every call, so the server's refusals come back in it.
  const query = () => `?lang=${lang}${mapping ? `&mapping=${encodeURIComponent(mapping)}` : ""}`;
  async function preview() {
    const fd = form();
    commit.disabled = true;
    if (!fd) return;
    out.replaceChildren(h("p", { class: "muted" }, t("loading")));
    try {
      const p = await postForm<Preview>(`/api/imports/preview${query()}`, fd);
      out.replaceChildren(previewView(p));
      commit.disabled = !p.ok;
    } catch (error) {
      out.replaceChildren(errorBox(error));
    }
  }
  previewBtn.addEventListener("click", () => void preview());
  file.addEventListener("change", () => void preview());
  commit.addEventListener("click", async () => {
    const fd = form();
    if (!fd) return;
    commit.disabled = true;
    try {
      const r = await postForm<ImportResult>(`/api/imports${query()}`, fd);
      clearCache();
      const entity = out
        .querySelector("[data-testid=import-preview] p.muted")
        ?.textContent?.split(" · ")[0]
        ?.split(", ")[0];
      out.prepend(
        h(
          "div",
          { class: "success", role: "status", "data-testid": "import-done" },
          `${t("import.done")}${lang === "zh" ? "：" : ": "}${tf("import.doneDetail", r.file, r.dataset, r.sheets, r.positions, r.vintage)} `,
          entity ? h("a", { href: pageHref("sheet", { entity }) }, "→ " + t("nav.sheet")) : null,
        ),
      );
    } catch (error) {
      out.prepend(errorBox(error));
    }
  });
  const columns = ["entity", "date", "item", "side", "currency", "maturity", "value", "unit"] as const;
  // A balanced example sheet: assets = liabilities + equity, so the template imports as it is.
  const template = [
    columns.join(","),
    "bank1,2024-12,loans,asset,CNY,long,120,亿元",
    "bank1,2024-12,deposits,liability,CNY,short,100,亿元",
    "bank1,2024-12,capital,equity,CNY,unknown,20,亿元",
  ].join("\n");
  const help = h(
    "section",
    { class: "panel", "data-testid": "import-help" },
    h("h3", {}, t("import.columns")),
    h(
      "button",
      {
        type: "button",
        "data-download": "template",
        onclick: () => downloadBlob("bslab-template.csv", `\ufeff${template}\n`, "text/csv;charset=utf-8"),
      },
      t("import.template"),
    ),
    h(
      "table",
      { class: "columns" },
      h(
        "tbody",
        {},
        ...columns.map((c) =>
          h(
            "tr",
            {},
            h("th", {}, h("code", { translate: "no" }, c)),
            h("td", {}, t(`import.col.${c}`)),
            h("td", {}, h("code", { translate: "no" }, VALUES[c])),
          ),
        ),
      ),
    ),
  );
  root.append(
    heading(t("import.title"), t("import.help")),
    controls(
      h("label", { class: "field" }, h("span", {}, t("import.file")), file),
      select(
        t("import.mapping"),
        "mapping",
        [
          { value: "", text: t("import.detect") },
          // A layout without a catalogue entry is named only on the Chinese page (its description is English).
          ...mappings.map((m) => {
            const about = layoutDescription(m.name, lang === "zh" ? "" : m.description.slice(0, 60), lang);
            return {
              value: m.name,
              text: about ? `${m.name}${lang === "zh" ? "：" : ": "}${about}` : m.name,
            };
          }),
        ],
        mapping,
        (v) => {
          mapping = v;
          void preview();
        },
        { ids: true },
      ),
      previewBtn,
      commit,
    ),
    out,
    help,
  );
};
