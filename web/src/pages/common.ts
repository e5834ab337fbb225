import { getJson } from "../api.ts";
import { h, select } from "../dom.ts";
import { t } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { ChartMeta } from "../charts.ts";
import type { Entity, IndicatorSeries } from "../types.ts";

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

/** Entity, unit, source and vintage of a series chart, for its downloads. */
export function chartMeta(
  series: IndicatorSeries,
  entity: string,
  unit: string,
  fraction: boolean,
  lang: "en" | "zh",
): ChartMeta {
  const sources = series.sources ?? [];
  return {
    entity,
    unit: fraction ? (lang === "zh" ? "比重（小数，0.205 = 20.5%）" : "fraction (0.205 = 20.5%)") : unit,
    source: sources.length ? sources.map((s) => `${s.publisher}: ${s.title}`).join("; ") : "bslab",
    ...(sources.length ? { vintage: [...new Set(sources.map((s) => s.vintage))].join("; ") } : {}),
  };
}

export { PALETTE } from "../../../src/report/palette.ts";
