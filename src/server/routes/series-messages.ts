import { defineMessages } from "../../i18n/define.ts";

/** Messages of the stored-series routes in both languages (catalogue domain `series`). */
export const SERIES_MESSAGES = defineMessages({
  unknownSeries: {
    en: (id: string) =>
      `no stored series ${JSON.stringify(id)} (find one with /api/series?q=..., or import it with \`bslab import\`)`,
    zh: (id: string) =>
      `没有已存储的序列 ${JSON.stringify(id)}（用 /api/series?q=... 查找，或用 \`bslab import\` 导入）`,
  },
});
