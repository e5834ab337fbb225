import { defineMessages } from "./define.ts";

/** The comparison page's Table 2 texts (web/src/pages/table2.ts), joined into the `web` domain. */
export const compareMessages = defineMessages({
  "compare.textFigures": {
    en: "The study's figures in its text (PBoC, China's external debt)",
    zh: "原文正文中的数字（中国人民银行、中国外债）",
  },
  "compare.tf.figure": { en: "Figure", zh: "指标" },
  "compare.tf.study": { en: "Study", zh: "原文" },
  "compare.tf.bslab": { en: "bslab", zh: "本工具" },
  "compare.tf.status": { en: "Status", zh: "对照" },
  "compare.tf.note": { en: "Inputs and note", zh: "输入与说明" },
  "compare.tf.match": { en: "matches", zh: "一致" },
  "compare.tf.differs": { en: "differs", zh: "不一致" },
  "compare.tf.notComputable": { en: "not computable", zh: "无法计算" },
  "compare.tf.missing": {
    en: (input: string, howTo: string) => `missing ${input}; to get it: ${howTo}`,
    zh: (input: string, howTo: string) => `缺少${input}；获取方法：${howTo}`,
  },
  "compare.tf.none": {
    en: "The study's text figures are of end-2013 with the PBoC: choose 2013 and include PBOC.",
    zh: "原文正文中的数字针对2013年末并涉及中国人民银行：请选择2013年并包含 PBOC。",
  },
});
