import { getJson } from "../api.ts";
import type { Lang } from "../state.ts";
import type { Suggestion } from "../typeahead.ts";
import type { Economy, Entity, IndicatorDef } from "../types.ts";
import { specKey } from "./spec.ts";

/** A stored series as `/api/series?q=` lists it. */
interface SeriesHit {
  id: string;
  entity: string;
  name: string;
  frequency: string;
  first: string | null;
  last: string | null;
  datasetTitle: string;
}

/** Every word of `query` occurs in `hay` (both lower-cased): "currency fed" finds the Fed's currency share. */
function matches(hay: string, words: readonly string[]): boolean {
  return words.every((w) => hay.includes(w));
}

/**
 * The explorer's search: indicators of each entity they apply to (central-bank indicators of the
 * central banks, sector indicators of the other sheets, country indicators of the External Wealth
 * of Nations economies), matched here by id and both languages' names; then the stored series,
 * matched by the server. Local matches show at once, the server's follow.
 */
export function seriesSearch(
  indicators: readonly IndicatorDef[],
  entities: readonly Entity[],
  lang: Lang,
): (query: string, show: (items: Suggestion[]) => void) => void {
  let economies: Promise<Economy[]> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sheets = entities.filter((e) => e.sheets > 0);
  const owners = (d: IndicatorDef): Array<{ id: string; name: { en: string; zh: string } }> =>
    d.level === "central-bank"
      ? sheets.filter((e) => e.kind === "central-bank")
      : d.level === "sector"
        ? sheets.filter((e) => e.kind !== "central-bank")
        : [];
  return (query, show) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const local = async (): Promise<Suggestion[]> => {
      const out: Suggestion[] = [];
      const econ = await (economies ??= getJson<{ economies: Economy[] }>("/api/economies").then(
        (r) => r.economies,
        () => [],
      ));
      for (const d of indicators) {
        const list =
          d.level === "country"
            ? econ.map((e) => ({ id: e.name, name: { en: e.name, zh: e.name } }))
            : owners(d);
        for (const e of list) {
          const hay = `${d.id} ${d.name.en} ${d.name.zh} ${e.id} ${e.name.en} ${e.name.zh}`.toLowerCase();
          if (!matches(hay, words)) continue;
          out.push({
            value: specKey({ kind: "indicator", id: d.id, entity: e.id }),
            text: `${d.name[lang]} · ${e.name[lang]}`,
            detail: `${d.id}@${e.id}`,
          });
          if (out.length >= 15) return out;
        }
      }
      return out;
    };
    void local().then((found) => {
      show(found);
      clearTimeout(timer);
      // The stored series: asked after a pause in typing, not on every key.
      timer = setTimeout(() => {
        void getJson<{ series: SeriesHit[] }>(`/api/series?q=${encodeURIComponent(query)}&limit=15`)
          .then(({ series }) =>
            show([
              ...found,
              ...series.map((s) => ({
                value: specKey({ kind: "series", id: s.id }),
                text: s.name,
                detail: `${s.id} · ${s.entity} · ${s.frequency} ${s.first ?? ""}–${s.last ?? ""}`,
                published: true,
              })),
            ]),
          )
          .catch(() => undefined);
      }, 150);
    });
  };
}
