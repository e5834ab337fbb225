import { defineMessages } from "../i18n/define.ts";

/**
 * What the CLI prints around the data, in both languages (catalogue domain `cli`): column headings
 * of tables, the words of sheet lines, and the lines under a table.
 */
export const CLI_MESSAGES = defineMessages({
  "col.id": { en: "id", zh: "代码" },
  "col.name": { en: "name", zh: "名称" },
  "col.value": { en: "value", zh: "数值" },
  "col.unit": { en: "unit", zh: "单位" },
  "col.reading": { en: "reading", zh: "解读" },
  "col.note": { en: "note", zh: "说明" },
  "col.entity": { en: "entity", zh: "主体" },
  "col.date": { en: "date", zh: "日期" },
  "col.study": { en: "study", zh: "原文" },
  "col.match": { en: "match", zh: "一致" },
  "col.type": { en: "type", zh: "类型" },
  "col.verdict": { en: "verdict", zh: "判断" },
  "col.reasons": { en: "reasons", zh: "理由" },
  "col.side": { en: "side", zh: "方向" },
  "col.kind": { en: "kind", zh: "类别" },
  "col.item": { en: "item", zh: "项目" },
  "col.label": { en: "label", zh: "名称" },
  "col.instrument": { en: "instrument", zh: "金融工具" },
  "col.currency": { en: "currency", zh: "币种" },
  "col.counterparty": { en: "counterparty", zh: "交易对手" },
  "col.source": { en: "source", zh: "来源" },
  "col.status": { en: "status", zh: "状态" },
  "col.difference": { en: "difference", zh: "差异" },
  "col.inputs": { en: "inputs", zh: "输入" },
  // #14 (webzh): the columns of `stress` and `credit-gap`, and the credit gap's source line.
  "col.step": { en: "step", zh: "步" },
  "col.appreciation": { en: "appreciation", zh: "升值幅度" },
  "col.cumulative": { en: "cumulative", zh: "累计升值" },
  "col.loss": { en: "loss", zh: "损失" },
  "col.cumulative_loss": { en: "cumulative_loss", zh: "累计损失" },
  "col.loss_to_equity": { en: "loss_to_equity", zh: "损失/自有资金" },
  "col.equity_after": { en: "equity_after", zh: "剩余自有资金" },
  "col.ratio": { en: "ratio", zh: "信贷/GDP" },
  "col.trend": { en: "trend", zh: "趋势" },
  "col.gap": { en: "gap", zh: "缺口" },
  "col.buffer_guide": { en: "buffer_guide", zh: "缓冲资本参考" },
  // #14: the columns of `datasets`, `series`, `import` and `fetch`.
  "col.sheets": { en: "sheets", zh: "报表数" },
  "col.series": { en: "series", zh: "序列数" },
  "col.first": { en: "first", zh: "起始" },
  "col.last": { en: "last", zh: "截止" },
  "col.vintage": { en: "vintage", zh: "版本" },
  "col.restricted": { en: "restricted", zh: "使用受限" },
  "col.publisher": { en: "publisher", zh: "发布机构" },
  "col.licence": { en: "licence", zh: "许可" },
  "col.frequency": { en: "frequency", zh: "频率" },
  "col.scale": { en: "scale", zh: "量级" },
  "col.dataset": { en: "dataset", zh: "数据集" },
  "col.file": { en: "file", zh: "文件" },
  "col.mapping": { en: "mapping", zh: "格式" },
  "col.unchanged": { en: "unchanged", zh: "未变" },
  "col.positions": { en: "positions", zh: "项目数" },
  "col.observations": { en: "observations", zh: "观测值数" },
  "col.unitSource": { en: "unitSource", zh: "单位来源" },
  "col.encoding": { en: "encoding", zh: "编码" },
  "col.url": { en: "url", zh: "网址" },
  "col.retrievedAt": { en: "retrievedAt", zh: "获取时间" },
  "col.bytes": { en: "bytes", zh: "字节" },
  "col.inherited": { en: "inherited", zh: "沿用" },
  "col.recordedFormat": { en: "recordedFormat", zh: "格式已核对" },
  inheritedLine: {
    en: (id: string, unit: string, scale: string, vintage: string) =>
      `${id}: unit ${unit} 1e${scale} and name as stored in vintage ${vintage}`,
    zh: (id: string, unit: string, scale: string, vintage: string) =>
      `${id}：单位 ${unit} 1e${scale} 及名称沿用已存储的版本 ${vintage}`,
  },
  seriesShowFoot: {
    en: (
      id: string,
      name: string,
      unit: string,
      scale: number,
      freq: string,
      vintage: string,
      file: string,
    ) => `${id} (${name}): unit ${unit}, scale 1e${scale}, ${freq}, vintage ${vintage}, from ${file}`,
    zh: (
      id: string,
      name: string,
      unit: string,
      scale: number,
      freq: string,
      vintage: string,
      file: string,
    ) =>
      `${id}（发布方名称「${name}」）：单位 ${unit}，量级 1e${scale}，频率 ${freq}，版本 ${vintage}，来自 ${file}`,
  },
  creditGapSource: {
    en: (source: string) => `# credit/GDP: ${source}; gap from the 41st quarter`,
    zh: (source: string) => `# 信贷/GDP：${source}；缺口自第41个季度起`,
  },
  "side.asset": { en: "asset", zh: "资产" },
  "side.liability": { en: "liability", zh: "负债" },
  "side.equity": { en: "equity", zh: "权益" },
  "kind.item": { en: "item", zh: "项目" },
  "kind.subtotal": { en: "subtotal", zh: "小计" },
  "kind.total": { en: "total", zh: "合计" },
  "kind.memo": { en: "memo", zh: "备忘" },
  foreign: { en: "foreign", zh: "外币" },
  yes: { en: "yes", zh: "是" },
  "status.match": { en: "match", zh: "一致" },
  "status.differs": { en: "differs", zh: "不一致" },
  "status.not computable": { en: "not computable", zh: "无法计算" },
  no: { en: "no", zh: "否" },
  "type.currency": { en: "currency", zh: "货币错配" },
  "type.maturity": { en: "maturity", zh: "期限错配" },
  "type.capital-structure": { en: "capital-structure", zh: "资本结构错配" },
  "type.conclusion": { en: "conclusion", zh: "结论" },
  "check.ok": { en: "ok  ", zh: "通过" },
  "check.fail": { en: "FAIL", zh: "不符" },
  "check.identity": { en: "identity", zh: "恒等式" },
  "check.side-total": { en: "side-total", zh: "单侧合计" },
  "check.subtotal": { en: "subtotal", zh: "小计" },
  identityItem: { en: "assets = liabilities + equity", zh: "资产 = 负债 + 权益" },
  checkLine: {
    en: (status: string, check: string, item: string, published: number, parts: number, diff: number) =>
      `${status} ${check} ${item}: published ${published}, parts ${parts}, difference ${diff}`,
    zh: (status: string, check: string, item: string, published: number, parts: number, diff: number) =>
      `${status} ${check} ${item}：公布值 ${published}，分项合计 ${parts}，差额 ${diff}`,
  },
  note: {
    en: (item: string, text: string) => `note ${item}: ${text}`,
    zh: (item: string, text: string) => `说明 ${item}：${text}`,
  },
  sharesAreFractions: {
    en: (entity: string, date: string, partial: string) =>
      `${entity} ${date}${partial ? ` (${partial})` : ""}; shares are fractions (0.205 = 20.5%)`,
    zh: (entity: string, date: string, partial: string) =>
      `${entity} ${date}${partial ? `（${partial}）` : ""}；比重以小数表示（0.205 = 20.5%）`,
  },
  inputsHead: { en: "inputs (item=value @source):", zh: "输入（项目=数值 @来源）：" },
  seriesFoot: {
    en: (entity: string, from: string, to: string, n: number, units: string) =>
      `${entity} ${from} .. ${to}, ${n} dates; ${units}`,
    zh: (entity: string, from: string, to: string, n: number, units: string) =>
      `${entity} ${from} .. ${to}，共 ${n} 期；${units}`,
  },
  studyType: {
    en: (level: string, direction: string | undefined) =>
      `${level}${direction ? ` (${direction}-type)` : ""}`,
    zh: (level: string, direction: string | undefined) =>
      `${{ severe: "严重", present: "存在", "not considered": "不考虑", absent: "不存在" }[level] ?? level}${
        direction ? `（${direction === "creditor" ? "债权型" : "债务型"}）` : ""
      }`,
  },
  studyGap: {
    en: (gap: string, lines: string) => `${gap} vs the study, from ${lines}`,
    zh: (gap: string, lines: string) => `与原文相差 ${gap}，取自 ${lines}`,
  },
  howToGet: { en: (how: string) => `to get it: ${how}`, zh: (how: string) => `获取方法：${how}` },
  table2Score: {
    en: (cells: number, of: number, concl: number, conclOf: number) =>
      `Table 2: ${cells}/${of} cells and ${concl}/${conclOf} conclusions equal the study's`,
    zh: (cells: number, of: number, concl: number, conclOf: number) =>
      `表2：${of} 个单元格中 ${cells} 个、${conclOf} 条结论中 ${concl} 条与原文一致`,
  },
  stressPosition: {
    en: (e: string, d: string, unit: string, fx: number, net: number, eq: number) =>
      `${e} ${d} (${unit}): FX assets ${fx.toFixed(2)}, net foreign-currency position ${net.toFixed(2)}, own capital ${eq.toFixed(2)}`,
    zh: (e: string, d: string, unit: string, fx: number, net: number, eq: number) =>
      `${e} ${d}（${unit}）：外汇资产 ${fx.toFixed(2)}，净外币头寸 ${net.toFixed(2)}，自有资金 ${eq.toFixed(2)}`,
  },
  stressLoss: {
    en: (loss: number, toEquity: number | null, breakEven: number | null) =>
      `book loss ${loss.toFixed(2)}${toEquity === null ? "" : ` = ${toEquity.toFixed(1)}x own capital`}${breakEven === null ? "" : `; an appreciation of ${(breakEven * 100).toFixed(3)}% uses up the capital`}`,
    zh: (loss: number, toEquity: number | null, breakEven: number | null) =>
      `账面损失 ${loss.toFixed(2)}${toEquity === null ? "" : `，为自有资金的 ${toEquity.toFixed(1)} 倍`}${breakEven === null ? "" : `；本币升值 ${(breakEven * 100).toFixed(3)}% 即耗尽自有资金`}`,
  },
  stressHistory: {
    en: (from: string, to: string, r0: number, r1: number, app: number, total: number, unit: string) =>
      `history ${from} .. ${to}: USD rate ${r0} -> ${r1} (appreciation ${(app * 100).toFixed(1)}%), revaluation ${total >= 0 ? "gain" : "loss"} ${Math.abs(total).toFixed(2)} (${unit}; USD rate applied to the whole position)`,
    zh: (from: string, to: string, r0: number, r1: number, app: number, total: number, unit: string) =>
      `历史 ${from} .. ${to}：美元汇率 ${r0} -> ${r1}（本币升值 ${(app * 100).toFixed(1)}%），重估${total >= 0 ? "收益" : "损失"} ${Math.abs(total).toFixed(2)}（${unit}；整个头寸按美元汇率计）`,
  },
});
