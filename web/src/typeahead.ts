import { h } from "./dom.ts";

/** One suggestion: what is shown, a second line, and the value handed back when it is chosen. */
export interface Suggestion {
  value: string;
  text: string;
  detail?: string;
  /** The text is a name as published (a stored series' title), not to be translated. */
  published?: boolean;
}

let count = 0;

/**
 * A search box with suggestions (WAI-ARIA combobox with a listbox): typing asks `suggest` (the
 * answer to the latest query wins), Up/Down move through the list, Enter or a click picks,
 * Escape closes. `suggest` may answer at once and again later (local matches first, then the
 * server's), through `show`.
 */
export function typeahead(options: {
  label: string;
  placeholder: string;
  testId?: string;
  suggest: (query: string, show: (items: Suggestion[]) => void) => void;
  onPick: (value: string) => void;
}): HTMLElement {
  const id = `typeahead-${++count}`;
  const list = h("ul", { id: `${id}-list`, role: "listbox", class: "typeahead-list", hidden: true });
  const box = h("input", {
    type: "search",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": list.id,
    autocomplete: "off",
    placeholder: options.placeholder,
    "data-testid": options.testId,
    size: 40,
  });
  let items: Suggestion[] = [];
  let active = -1;
  let asked = 0;
  const close = () => {
    list.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) box.setAttribute("aria-activedescendant", `${id}-${active}`);
    list.children[active]?.scrollIntoView({ block: "nearest" });
  };
  const pick = (s: Suggestion | undefined) => {
    if (!s) return;
    close();
    box.value = "";
    options.onPick(s.value);
  };
  const draw = (next: Suggestion[]) => {
    items = next;
    active = next.length ? 0 : -1;
    list.replaceChildren(
      ...next.map((s, i) =>
        h(
          "li",
          {
            id: `${id}-${i}`,
            role: "option",
            "data-value": s.value,
            "data-testid": options.testId ? `${options.testId}-option` : undefined,
            // mousedown, not click: the input's blur would close the list first.
            onmousedown: (e: Event) => {
              e.preventDefault();
              pick(s);
            },
          },
          h("span", { translate: s.published ? "no" : undefined }, s.text),
          s.detail ? h("small", { class: "muted", translate: "no" }, s.detail) : null,
        ),
      ),
    );
    list.hidden = next.length === 0;
    box.setAttribute("aria-expanded", String(next.length > 0));
    mark();
  };
  box.addEventListener("input", () => {
    const query = box.value.trim();
    const mine = ++asked;
    if (!query) return draw([]);
    options.suggest(query, (found) => {
      if (mine === asked && box.value.trim() === query) draw(found);
    });
  });
  box.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!items.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      mark();
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === "Escape") close();
  });
  box.addEventListener("blur", close);
  return h("label", { class: "field typeahead" }, h("span", {}, options.label), box, list);
}
