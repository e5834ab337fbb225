import { getJson } from "../api.ts";
import { h, select } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { Entity } from "../types.ts";

/** Entities that have balance sheets, for the entity pickers. */
export async function sheetEntities(): Promise<Entity[]> {
  const { entities } = await getJson<{ entities: Entity[] }>("/api/entities");
  return entities.filter((e) => e.sheets > 0);
}

export function entityPicker(entities: Entity[], value: string, lang: Lang, onChange: (v: string) => void) {
  return select(
    t("entity"),
    "entity",
    entities.map((e) => ({ value: e.id, text: `${e.name[lang]} (${e.id})` })),
    value,
    onChange,
  );
}

/** The page heading with a one-line lead. */
export function heading(title: string, lead?: string): HTMLElement {
  return h("div", { class: "heading" }, h("h2", {}, title), lead ? h("p", { class: "lead" }, lead) : null);
}

/** A row of form controls. */
export function controls(...items: HTMLElement[]): HTMLElement {
  return h("form", { class: "controls", onsubmit: (e: Event) => e.preventDefault() }, ...items);
}

export { PALETTE } from "../../../src/report/palette.ts";
