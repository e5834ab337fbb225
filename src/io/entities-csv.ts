import { DataError } from "../errors.ts";
import { type Entity, ENTITY_KINDS, isEntityKind, sectorOfKind } from "../model/entity.ts";
import { isSectorCode } from "../model/sectors.ts";
import { parseCsv } from "./csv/parse-csv.ts";

/** Columns of an entity-rows CSV (data/entities/entities.csv); `source` and later columns are kept out. */
export const ENTITY_COLUMNS = [
  "id",
  "kind",
  "sector",
  "country",
  "home_currency",
  "name_en",
  "name_zh",
] as const;

/**
 * Reads entity rows: what each entity is (its kind), its sector, country, home currency and names.
 * Every problem names the file, row and column.
 * @example readEntitiesCsv("id,kind,sector,country,home_currency,name_en,name_zh\nfed,central-bank,S.121,US,USD,Federal Reserve System,美联储", "entities.csv")
 */
export function readEntitiesCsv(text: string, file: string): Entity[] {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  for (const c of ENTITY_COLUMNS)
    if (!header.includes(c))
      throw new DataError(`${file}: missing column ${JSON.stringify(c)} (header has: ${header.join(", ")})`, {
        place: { file, row: 1, column: c },
      });
  const out: Entity[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.length === 1 && r[0]!.trim() === "") return;
    const cell = (c: (typeof ENTITY_COLUMNS)[number]) => (r[header.indexOf(c)] ?? "").trim();
    const fail = (column: string, why: string): never => {
      throw new DataError(`${file}: row ${row}, column ${column}: ${why}`, { place: { file, row, column } });
    };
    const id = cell("id") || fail("id", "empty id");
    if (seen.has(id)) fail("id", `duplicate id ${JSON.stringify(id)}`);
    seen.add(id);
    const kind = cell("kind");
    if (!isEntityKind(kind))
      fail("kind", `unknown kind ${JSON.stringify(kind)} (expected one of ${ENTITY_KINDS.join(", ")})`);
    const k = kind as Entity["kind"];
    const sector = cell("sector");
    if (sector !== "" && !isSectorCode(sector))
      fail("sector", `not an SNA sector code: ${JSON.stringify(sector)}`);
    const currency = cell("home_currency");
    if (!/^[A-Z]{3}$/.test(currency))
      fail("home_currency", `not an ISO 4217 code: ${JSON.stringify(currency)}`);
    out.push({
      id,
      name: { en: cell("name_en") || id, zh: cell("name_zh") || cell("name_en") || id },
      kind: k,
      sector: sector !== "" && isSectorCode(sector) ? sector : sectorOfKind(k),
      country: cell("country"),
      homeCurrency: currency,
    });
  });
  return out;
}
