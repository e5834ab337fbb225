const KIND_PLURAL: Readonly<Record<string, string>> = {
  "central-bank": "central banks",
  "other-depository-corporations": "depository corporations",
  sector: "sectors",
  country: "countries",
};

/** Message builders of the indicator engine: the text of every error and note is written here once. */
export const indicatorMessages = {
  zero: (what: string) => `${what} is zero`,
  notFinite: (id: string) => `${id} gave a non-finite value (overflow)`,
  absentInPartial: (what: string, entity: string, date: string, coverage: string) =>
    `${what}: not in the bundled data for ${entity} ${date} (${coverage})`,
  noTotal: (what: string, entity: string, date: string) =>
    `no ${what} in the bundled data for ${entity} ${date}`,
  noSheetData: (what: string) => `${what} needs a balance sheet, and this input has none`,
  noPeerSheet: (what: string, sector: string, entity: string, date: string) =>
    `${what}: no ${sector} balance sheet of the same economy as ${entity} at ${date} in the bundled data`,
  peerUnit: (what: string, peer: string, peerUnit: string, own: string) =>
    `${what}: the ${peer} sheet is in ${peerUnit} and the input's in ${own} (convert one to the other's unit first)`,
  noVariable: (what: string, name: string) => `no ${what} (${name}) in the bundled data`,
  maturityUnknown: (side: string, pct: string, items: readonly string[]) =>
    `maturity unknown for ${pct} of ${side} (${items.join(", ")}); the study does not assess maturity without it`,
  unknownDimension: (items: readonly string[]) => `left out, dimension unknown: ${items.join(", ")}`,
  duplicateId: (id: string) => `duplicate indicator id: ${JSON.stringify(id)} (each id is defined once)`,
  reservedId: (id: string) =>
    `invalid indicator id: ${JSON.stringify(id)} (expected <level>.<snake_case name>, e.g. cb.fx_assets_share)`,
  unknownId: (id: string, near: readonly string[]) =>
    `unknown indicator id: ${JSON.stringify(id)}` +
    (near.length
      ? ` (did you mean ${near.join(", ")}?)`
      : " (run `bslab indicators ENTITY DATE` to list them)"),
  badDate: (value: string) =>
    `invalid date: ${JSON.stringify(value)} (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2013-12)`,
  badRange: (from: string, to: string) => `invalid range: --from ${from} is after --to ${to}`,
  /** `byKind`: the store's entity ids by kind (`central-bank`, ..., or "kind not set"). */
  unknownEntity: (id: string, byKind: ReadonlyMap<string, readonly string[]>) =>
    `unknown entity: ${JSON.stringify(id)} (` +
    [...byKind].map(([kind, ids]) => `${KIND_PLURAL[kind] ?? kind}: ${ids.join(", ")}; `).join("") +
    "or an External Wealth of Nations country name such as China)",
  notCentralBank: (id: string, centralBanks: readonly string[]) =>
    `compare takes central banks (${centralBanks.join(", ")}; import another with --entity-kind central-bank); got ${JSON.stringify(id)}`,
  noData: (entity: string, date: string, available: string) =>
    `no data for ${entity} at ${date} (available: ${available})`,
  noRange: (entity: string, from: string, to: string) => `no data for ${entity} between ${from} and ${to}`,
  studyNotComputable: (why: string, study: string) => `not computable: ${why}; study reports ${study}`,
};
