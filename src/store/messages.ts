import { defineMessages } from "../i18n/define.ts";

/** Messages of the store in both languages (catalogue domain `store`). */
export const STORE_MESSAGES = defineMessages({
  locked: {
    en: (path: string) =>
      `database ${path} is in use by another bslab process (an import or a second server?); retry when it has finished`,
    zh: (path: string) =>
      `数据库 ${path} 正被另一个 bslab 进程使用（导入数据或另一个服务器？）；请待其结束后重试`,
  },
  cannotOpen: {
    en: (path: string, why: string) => `cannot open database ${path}: ${why}`,
    zh: (path: string, why: string) => `无法打开数据库 ${path}：${why}`,
  },
});
