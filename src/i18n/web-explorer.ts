import { defineMessages } from "./define.ts";

/** The indicator explorer's texts (web/src/pages/explorer.ts, web/src/explorer/), joined into the `web` domain. */
export const explorerMessages = defineMessages({
  "explorer.search": { en: "Add a series", zh: "添加序列" },
  "explorer.searchPlaceholder": {
    en: "indicator, stored series or entity: id or name (e.g. currency fed)",
    zh: "指标、已存储序列或主体：代码或名称（如 货币发行 美联储）",
  },
  "explorer.chosen": { en: "On the chart", zh: "图中序列" },
  "explorer.remove": { en: "Remove", zh: "移除" },
  "explorer.transform": { en: "Transform", zh: "变换" },
  "explorer.tf.lin": { en: "Level", zh: "水平值" },
  "explorer.tf.chg": { en: "Change", zh: "变化量" },
  "explorer.tf.ch1": { en: "Change from a year earlier", zh: "同比变化量" },
  "explorer.tf.pch": { en: "% change", zh: "环比增长率" },
  "explorer.tf.pc1": { en: "% change from a year earlier", zh: "同比增长率" },
  "explorer.log": { en: "Log scale", zh: "对数坐标" },
  "explorer.logNote": {
    en: (n: number) =>
      `a log scale needs positive values: ${n} drawn values are zero or negative, so the axis stays linear`,
    zh: (n: number) => `对数坐标需要正值：有 ${n} 个值为零或负，纵轴保持线性`,
  },
  "explorer.axisUnit": { en: "Axis unit", zh: "纵轴单位" },
  "explorer.unit.percent": { en: "% (per cent)", zh: "%（百分比）" },
  "explorer.unit.pp": { en: "pp (percentage points)", zh: "百分点" },
  "explorer.unit.ratio": { en: "× (times)", zh: "倍" },
  "explorer.ppSuffix": { en: "pp", zh: "个百分点" },
  "explorer.noSeries": { en: "no series is chosen", zh: "尚未选择序列" },
  "explorer.noSeriesFix": {
    en: "search for an indicator or a stored series in the box above and pick it.",
    zh: "在上方搜索框中搜索指标或已存储序列并选择。",
  },
  "explorer.gap.no-earlier": { en: "no earlier observation", zh: "无前期观测值" },
  "explorer.gap.no-year-earlier": { en: "no observation a year earlier", zh: "无上年同期观测值" },
  "explorer.gap.missing": { en: "a value is missing", zh: "缺少数值" },
  "explorer.gap.base-not-positive": {
    en: "the base is zero or negative, where a % change has no meaning",
    zh: "基期值为零或负，增长率无意义",
  },
  "explorer.missing": {
    en: (name: string, why: string) => `${name}: nothing to draw (${why})`,
    zh: (name: string, why: string) => `${name}：无可绘制的数据（${why}）`,
  },
  "explorer.thirdUnit": {
    en: (name: string, unit: string) =>
      `${name} is not drawn: its unit (${unit}) would need a third axis; remove a series or choose a % transform`,
    zh: (name: string, unit: string) =>
      `${name} 未绘制：其单位（${unit}）需要第三条纵轴；请移除一个序列或选择增长率变换`,
  },
  "explorer.badSpec": {
    en: (v: string) => `s=${v} is not a series (write INDICATOR@ENTITY or series:ID); left out`,
    zh: (v: string) => `s=${v} 不是序列（应写作 指标@主体 或 series:代码），已略去`,
  },
  "explorer.values": { en: "Values", zh: "数值表" },
  "explorer.tooMany": {
    en: (n: number) =>
      `${n} rows: too many to list here; the CSV and XLSX downloads of the chart hold them all`,
    zh: (n: number) => `共 ${n} 行，此处不逐行列出；图表的 CSV 和 XLSX 下载包含全部数据`,
  },
  "explorer.kind.indicator": { en: "indicator", zh: "指标" },
  "explorer.kind.series": { en: "stored series", zh: "已存储序列" },
  "explorer.transformed": { en: "transform", zh: "变换" },
  "explorer.storedValue": { en: "stored value", zh: "存储值" },
  "explorer.file": { en: "file", zh: "文件" },
});
