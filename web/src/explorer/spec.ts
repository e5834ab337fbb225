/**
 * What the explorer draws, as it is written in the URL: one `s` parameter per line, either an
 * indicator of an entity (`cb.currency_issued_share@pboc`) or a stored series
 * (`series:FRED/CURRCIR`). Indicator ids and entity ids cannot contain `@`, so the split is
 * unambiguous; a stored series id may contain anything, so it comes after a prefix. Older links
 * (`?entity=pboc&id=...`) still open, as the first line.
 */

export type LineSpec = { kind: "indicator"; id: string; entity: string } | { kind: "series"; id: string };

const SERIES = "series:";

/** The indicator chosen when the URL names none, per level. */
export const DEFAULT_INDICATOR = "cb.currency_issued_share";
const COUNTRY_DEFAULT = "China";

export function specKey(s: LineSpec): string {
  return s.kind === "series" ? `${SERIES}${s.id}` : `${s.id}@${s.entity}`;
}

/** A spec from its URL form, or undefined when it is not one. */
export function parseSpec(text: string): LineSpec | undefined {
  if (text.startsWith(SERIES)) {
    const id = text.slice(SERIES.length);
    return id ? { kind: "series", id } : undefined;
  }
  const at = text.indexOf("@");
  if (at <= 0 || at === text.length - 1) return undefined;
  const id = text.slice(0, at);
  if (!/^[a-z0-9_.]+$/.test(id)) return undefined;
  return { kind: "indicator", id, entity: text.slice(at + 1) };
}

/**
 * The lines of a URL's parameters, in order, without repeats, and the `s` values that are not
 * specs (reported beside the search box). No `s` at all: the legacy `id`/`entity` pair, or the
 * default (PBoC currency issued; China for a country indicator).
 */
export function specsOf(params: URLSearchParams): { specs: LineSpec[]; bad: string[] } {
  const given = params.getAll("s");
  if (given.length === 0) {
    const id = params.get("id") ?? DEFAULT_INDICATOR;
    const entity = params.get("entity") ?? (id.startsWith("country.") ? COUNTRY_DEFAULT : "pboc");
    return { specs: [{ kind: "indicator", id, entity }], bad: [] };
  }
  const specs: LineSpec[] = [];
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const g of given) {
    const s = parseSpec(g);
    if (!s) bad.push(g);
    else if (!seen.has(specKey(s))) {
      seen.add(specKey(s));
      specs.push(s);
    }
  }
  return { specs, bad };
}
