import { defineMessages } from "../i18n/define.ts";

/**
 * Messages of the HTTP API in both languages (catalogue domain `server`); the error envelope
 * answers in the request's language (see src/server/http-errors.ts).
 */
export const SERVER_MESSAGES = defineMessages({
  bodyTooLarge: {
    en: (limit: number) =>
      `request body is larger than the limit of ${limit} bytes (send a smaller file or import it with \`bslab import\`)`,
    zh: (limit: number) => `请求体超过 ${limit} 字节的上限（请发送较小的文件，或用 \`bslab import\` 导入）`,
  },
  fileTooLarge: {
    en: (limit: number) =>
      `uploaded file is larger than the limit of ${limit} bytes (import large files with \`bslab import FILE\`)`,
    zh: (limit: number) => `上传的文件超过 ${limit} 字节的上限（大文件请用 \`bslab import FILE\` 导入）`,
  },
  invalidInput: {
    en: (where: string, detail: string) => `invalid ${where}: ${detail}`,
    zh: (where: string, detail: string) => `${where} 无效：${detail}`,
  },
  invalidJson: {
    en: (detail: string) => `request body is not valid JSON: ${detail}`,
    zh: (detail: string) => `请求体不是有效的 JSON：${detail}`,
  },
  prototypeKey: {
    en: (path: string) =>
      `invalid body: the key at ${path} is refused: __proto__, and prototype under constructor, would change what every object inherits (rename the key or the variable)`,
    zh: (path: string) =>
      `请求体无效：${path} 处的键被拒绝：__proto__ 以及 constructor 下的 prototype 会改变所有对象继承的内容（请给这个键或变量改名）`,
  },
  notMultipart: {
    en: () => "expected a multipart/form-data upload with a `file` field",
    zh: () => "应为带 `file` 字段的 multipart/form-data 上传",
  },
  noFile: {
    en: () => "no file in the upload (send the CSV in a form field named `file`)",
    zh: () => "上传中没有文件（请把 CSV 放在名为 `file` 的表单字段中）",
  },
  unknownRoute: {
    en: (method: string, url: string) =>
      `no such endpoint: ${method} ${url} (see /api/openapi.json for the list)`,
    zh: (method: string, url: string) => `没有这个接口：${method} ${url}（接口列表见 /api/openapi.json）`,
  },
  nullValue: {
    en: (paths: string) =>
      `invalid body: ${paths} must be a finite number, not null (fix the value in the page or the request)`,
    zh: (paths: string) => `请求体无效：${paths} 应为有限数值，而不是 null（请在页面或请求中改正该值）`,
  },
  internal: {
    en: (detail: string) => `internal error: ${detail}`,
    zh: (detail: string) => `内部错误：${detail}`,
  },
  tooManyRuns: {
    en: (runs: number, max: number) =>
      `sweep of ${runs} runs is larger than the server limit of ${max} (use \`bslab sim sweep\` for large sweeps)`,
    zh: (runs: number, max: number) =>
      `${runs} 次运行的扫描超过服务器上限 ${max}（大规模扫描请用 \`bslab sim sweep\`）`,
  },
  foreignHost: {
    en: (host: string) =>
      `refused: Host ${JSON.stringify(host)} is not an address of this server (open the workbench at the address \`bslab serve\` printed)`,
    zh: (host: string) =>
      `已拒绝：Host ${JSON.stringify(host)} 不是本服务器的地址（请用 \`bslab serve\` 打印的地址打开工作台）`,
  },
  foreignSite: {
    en: (site: string) =>
      `refused: a state-changing request from another site (Sec-Fetch-Site: ${site}); only the workbench itself may write`,
    zh: (site: string) => `已拒绝：来自其他站点的写请求（Sec-Fetch-Site: ${site}）；只有工作台本身可以写入`,
  },
  foreignOrigin: {
    en: (origin: string) =>
      `refused: a state-changing request from another origin (${origin}); only the workbench itself may write`,
    zh: (origin: string) => `已拒绝：来自其他源的写请求（${origin}）；只有工作台本身可以写入`,
  },
  noClientHeader: {
    en: (header: string) =>
      `refused: state-changing requests must carry the ${header} header the workbench sends (scripts: add \`-H '${header}: 1'\`)`,
    zh: (header: string) =>
      `已拒绝：写请求须带工作台发送的 ${header} 请求头（脚本请加 \`-H '${header}: 1'\`）`,
  },
  badToken: {
    en: (header: string) =>
      `refused: this server requires its access token (open the URL \`bslab serve\` printed, or send the ${header} header)`,
    zh: (header: string) =>
      `已拒绝：本服务器需要访问令牌（请打开 \`bslab serve\` 打印的网址，或发送 ${header} 请求头）`,
  },
  tokenRequired: {
    en: (host: string) =>
      `listening on ${host} opens the server beyond this machine: give an access token (BSLAB_TOKEN)`,
    zh: (host: string) => `在 ${host} 上监听会把服务器开放到本机之外：请提供访问令牌（BSLAB_TOKEN）`,
  },
  internalHidden: {
    en: (name: string) =>
      `internal error (${name}): the request could not be completed; the server's log has the details`,
    zh: (name: string) => `内部错误（${name}）：请求未能完成；详情见服务器日志`,
  },
  badUrl: {
    en: (url: string) =>
      `the address ${JSON.stringify(url.slice(0, 200))} is not valid percent-encoding (see /api/openapi.json for the endpoints)`,
    zh: (url: string) =>
      `地址 ${JSON.stringify(url.slice(0, 200))} 不是有效的百分号编码（接口列表见 /api/openapi.json）`,
  },
  poolBusy: {
    en: (size: number) =>
      `the server is busy: ${size} heavy requests are running and the queue is full; retry in a moment`,
    zh: (size: number) => `服务器繁忙：${size} 个耗时请求正在运行且队列已满，请稍后重试`,
  },
  overBudget: {
    en: (ms: number) =>
      `the request did not finish within its time budget of ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`} (ask for less, e.g. a smaller sweep, or use the CLI)`,
    zh: (ms: number) =>
      `请求未在 ${ms < 1000 ? `${ms} 毫秒` : `${Math.round(ms / 1000)} 秒`}的时限内完成（请缩小请求，例如较小的扫描，或改用命令行）`,
  },
  cancelled: {
    en: () => "the request was cancelled (the client went away)",
    zh: () => "请求已取消（客户端已断开）",
  },
  shuttingDown: {
    en: () => "the server is shutting down",
    zh: () => "服务器正在关闭",
  },
  outOfMemory: {
    en: (mb: number) =>
      `the request needs more memory than the server allows (${mb} MB a worker); import large files with \`bslab import FILE\``,
    zh: (mb: number) =>
      `请求所需内存超过服务器上限（每个工作线程 ${mb} MB）；大文件请用 \`bslab import FILE\` 导入`,
  },
  storeBusy: {
    en: (path: string) => `database ${path} is busy (another bslab process holds it); retry in a moment`,
    zh: (path: string) => `数据库 ${path} 正被另一个 bslab 进程占用，请稍后重试`,
  },
});
