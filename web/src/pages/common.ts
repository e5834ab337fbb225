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

/** A palette that stays readable for many series. */
export const PALETTE = [
  "#2f6fb0",
  "#d1495b",
  "#edae49",
  "#00798c",
  "#6a4c93",
  "#8ab17d",
  "#e76f51",
  "#264653",
  "#9c6644",
  "#577590",
  "#b5838d",
  "#43aa8b",
  "#f4a261",
  "#3a86ff",
  "#8d99ae",
  "#ff006e",
  "#606c38",
  "#bc6c25",
  "#7209b7",
  "#2a9d8f",
];
