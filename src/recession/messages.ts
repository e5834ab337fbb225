/** Message builders of the balance-sheet-recession monitor (one place for their text). */
export const recessionMessages = {
  unknownCountry: (code: string, known: readonly string[]) =>
    `unknown country: ${JSON.stringify(code)} (use a BIS two-letter code: ${known.join(" ")})`,
  noCreditRatio: (country: string) =>
    `no BIS credit-to-GDP ratio for ${country} in WS_CREDIT_GAP (the BIS covers 44 economies; try US, JP, GB, DE)`,
  badYearRange: (from: number, to: number) =>
    `invalid year range: --from ${from} --to ${to} (expected from <= to, both between 1800 and 2100)`,
  badYear: (name: string, value: string) =>
    `invalid ${name}: ${JSON.stringify(value)} (expected a year such as 1985)`,
  badWindow: (value: string) =>
    `invalid --window: ${JSON.stringify(value)} (expected quarters as <from>-<to>q with 1 <= from <= to, e.g. 5-12q)`,
  badLang: (value: string) => `invalid --lang: ${JSON.stringify(value)} (expected en or zh)`,
  notComputable: (why: string) => `not computable: ${why}`,
  noWarningData: (country: string) =>
    `not computable: no complete early-warning observation for ${country} (needs the BIS credit-to-GDP ratio, household credit and real property prices, or the JST R6 series)`,
  noData: (what: string, country: string) => `not computable: no ${what} for ${country} in the bundled data`,
};
