import { readEntitiesCsv } from "../../io/entities-csv.ts";
import { type BundledDataset, text } from "./dataset.ts";

const FILE = "entities/entities.csv";

/**
 * What each bundled entity is: its kind (central bank, other depository corporations, ...), sector,
 * country, home currency and names, one row each in data/entities/entities.csv. Loaded first, as
 * sheets refer to the entities. A new bundled entity is a new row there.
 */
export const ENTITIES_BUNDLED: BundledDataset = {
  id: "entities",
  title:
    "Entities of the bundled balance sheets: kind (central bank, other depository corporations, ...), sector, country, home currency",
  publisher: "bslab (from each publisher's own description of its table)",
  origin: "data/entities/entities.csv",
  vintage: "2026-12-01",
  licence: "Apache-2.0 (project data)",
  restricted: false,
  files: [FILE],
  read: (dir) => ({ entities: readEntitiesCsv(text(dir, FILE), `data/${FILE}`) }),
};
