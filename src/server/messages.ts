/** Message builders of the HTTP API, written once (see src/errors.ts for the shared ones). */
export const serverMessages = {
  bodyTooLarge: (limit: number) =>
    `request body is larger than the limit of ${limit} bytes (send a smaller file or import it with \`bslab import\`)`,
  fileTooLarge: (limit: number) =>
    `uploaded file is larger than the limit of ${limit} bytes (import large files with \`bslab import FILE\`)`,
  invalidInput: (where: string, detail: string) => `invalid ${where}: ${detail}`,
  invalidJson: (detail: string) => `request body is not valid JSON: ${detail}`,
  notMultipart: () => "expected a multipart/form-data upload with a `file` field",
  noFile: () => "no file in the upload (send the CSV in a form field named `file`)",
  unknownRoute: (method: string, url: string) =>
    `no such endpoint: ${method} ${url} (see /api/openapi.json for the list)`,
  internal: (detail: string) => `internal error: ${detail}`,
  tooManyRuns: (runs: number, max: number) =>
    `sweep of ${runs} runs is larger than the server limit of ${max} (use \`bslab sim sweep\` for large sweeps)`,
  foreignHost: (host: string) =>
    `refused: Host ${JSON.stringify(host)} is not an address of this server (open the workbench at the address \`bslab serve\` printed)`,
  foreignSite: (site: string) =>
    `refused: a state-changing request from another site (Sec-Fetch-Site: ${site}); only the workbench itself may write`,
  foreignOrigin: (origin: string) =>
    `refused: a state-changing request from another origin (${origin}); only the workbench itself may write`,
  noClientHeader: (header: string) =>
    `refused: state-changing requests must carry the ${header} header the workbench sends (scripts: add \`-H '${header}: 1'\`)`,
  badToken: (header: string) =>
    `refused: this server requires its access token (open the URL \`bslab serve\` printed, or send the ${header} header)`,
  tokenRequired: (host: string) =>
    `listening on ${host} opens the server beyond this machine: give an access token (BSLAB_TOKEN)`,
  storeBusy: (path: string) => `database ${path} is busy (another bslab process holds it); retry in a moment`,
};
