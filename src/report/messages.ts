/** Message builders of the report writer (one place for their text). */
export const reportMessages = {
  missingDate: (entity: string) =>
    `missing --date for the report of ${entity} (e.g. bslab report ${entity} --date 2013-12)`,
  missingCountry: () => "missing argument: COUNTRY (e.g. bslab report recession JP --from 1985 --to 2010)",
  extraArgument: (entity: string, extra: string) =>
    `unexpected argument ${JSON.stringify(extra)} after ${JSON.stringify(entity)} (only \`bslab report recession COUNTRY\` takes two)`,
  written: (path: string) => `wrote ${path}`,
};
