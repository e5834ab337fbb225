type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Creates an element: `h("td", { class: "num" }, "1.0")`; `on*` attributes become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A labelled `<select>`; `onChange` receives the chosen value. */
export function select(
  label: string,
  name: string,
  options: Array<{ value: string; text: string }>,
  value: string,
  onChange: (value: string) => void,
  { ids = false }: { ids?: boolean } = {},
): HTMLLabelElement {
  const s = h("select", { name, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) });
  // `ids`: the options (but an empty choice such as "none") are names of things (variables,
  // layouts), written the same in every language.
  for (const o of options)
    s.append(
      h(
        "option",
        { value: o.value, selected: o.value === value, translate: ids && o.value !== "" ? "no" : undefined },
        o.text,
      ),
    );
  return h("label", { class: "field" }, h("span", {}, label), s);
}

/** A labelled text input committed on change. */
export function input(
  label: string,
  name: string,
  value: string,
  onChange: (value: string) => void,
  attrs: Attrs = {},
): HTMLLabelElement {
  const i = h("input", {
    name,
    value,
    ...attrs,
    onchange: (e: Event) => onChange((e.target as HTMLInputElement).value),
  });
  return h("label", { class: "field" }, h("span", {}, label), i);
}

/** An error box with the server's message. */
export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h("div", { class: "error", role: "alert" }, message);
}
