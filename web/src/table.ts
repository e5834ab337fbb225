import { downloadBlob, slug, toCsv, type CsvCell } from "./download.ts";
import { h } from "./dom.ts";
import { t } from "./i18n.ts";

/** One column of a sortable table: how to show a row and what to sort and export by. */
export interface Column<R> {
  key: string;
  label: string;
  /** Sort key and CSV value. */
  value: (row: R) => string | number | null;
  /** Displayed text or node (default: the value). */
  render?: (row: R) => Node | string;
  numeric?: boolean;
  /** A class on the cell for this row, e.g. to highlight an error. */
  cellClass?: (row: R) => string | undefined;
  cellTitle?: (row: R) => string | undefined;
}

/**
 * A table sortable by clicking a header or pressing Enter or Space on it (again to reverse), with a
 * CSV download of its rows as sorted. Numbers are right-aligned.
 */
export function sortableTable<R>(
  title: string,
  columns: Column<R>[],
  rows: R[],
  options: {
    rowClass?: (row: R) => string | undefined;
    testId?: string;
    onRowClick?: (row: R) => void;
    /** The sort to start with (e.g. restored from the URL), and a hook told of each new sort. */
    sort?: { key: string; dir: 1 | -1 };
    onSort?: (key: string, dir: 1 | -1) => void;
  } = {},
): HTMLElement {
  let sortKey: string | null = options.sort?.key ?? null;
  let dir: 1 | -1 = options.sort?.dir ?? 1;
  const tbody = h("tbody");
  const sortBy = (key: string) => {
    dir = sortKey === key ? (-dir as 1 | -1) : 1;
    sortKey = key;
    fill();
    options.onSort?.(key, dir);
  };
  // Each header holds a button, so it is in the tab order and Enter or Space sorts; the button's
  // click (from a key or the mouse) bubbles to the header, which sorts on a click anywhere in it
  // (a numeric header's label sits at its right edge). aria-sort tells a screen reader the order.
  const headers = columns.map((c) =>
    h(
      "th",
      {
        scope: "col",
        class: c.numeric ? "num sortable" : "sortable",
        "aria-sort": "none",
        "data-key": c.key,
        onclick: () => sortBy(c.key),
      },
      h("button", { type: "button", class: "sort" }, c.label),
    ),
  );
  const sorted = () => {
    const col = columns.find((c) => c.key === sortKey);
    if (!col) return rows;
    return [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  };
  function fill() {
    headers.forEach((th, i) =>
      th.setAttribute(
        "aria-sort",
        columns[i]!.key === sortKey ? (dir > 0 ? "ascending" : "descending") : "none",
      ),
    );
    tbody.replaceChildren(
      ...sorted().map((r) => {
        const tr = h("tr", { class: options.rowClass?.(r) });
        if (options.onRowClick) {
          tr.classList.add("clickable");
          tr.addEventListener("click", () => options.onRowClick!(r));
        }
        for (const c of columns) {
          const content = c.render ? c.render(r) : String(c.value(r) ?? "–");
          const cls = [c.numeric ? "num" : "", c.cellClass?.(r) ?? ""].join(" ").trim();
          tr.append(h("td", { class: cls || undefined, title: c.cellTitle?.(r) }, content));
        }
        return tr;
      }),
    );
  }
  fill();
  const csv = () =>
    downloadBlob(
      `${slug(title)}.csv`,
      toCsv(
        columns.map((c) => c.key),
        sorted().map((r) => columns.map((c) => c.value(r) as CsvCell)),
      ),
      "text/csv",
    );
  return h(
    "section",
    { class: "panel", "data-testid": options.testId },
    h(
      "div",
      { class: "panel-head" },
      h("h3", {}, title),
      h(
        "div",
        { class: "tools" },
        h("button", { type: "button", onclick: csv, "data-download": "csv" }, t("csv.download")),
      ),
    ),
    h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, h("tr", {}, ...headers)), tbody)),
  );
}
