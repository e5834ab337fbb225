import { currentLang, type Lang } from "./state.ts";

const STRINGS = {
  "nav.compare": { en: "Central banks", zh: "央行比较" },
  "nav.explorer": { en: "Indicator explorer", zh: "指标浏览" },
  "nav.sheet": { en: "Balance sheet", zh: "资产负债表" },
  "nav.recession": { en: "Recession monitor", zh: "衰退监测" },
  "nav.scenario": { en: "Scenario lab", zh: "情景实验" },
  "nav.import": { en: "Import", zh: "导入数据" },
  "lang.switch": { en: "中文", zh: "English" },
  entity: { en: "Entity", zh: "主体" },
  date: { en: "Date", zh: "日期" },
  from: { en: "From", zh: "起" },
  to: { en: "To", zh: "止" },
  side: { en: "Side", zh: "方向" },
  assets: { en: "Assets", zh: "资产" },
  liabilities: { en: "Liabilities and equity", zh: "负债和资本" },
  line: { en: "Line", zh: "项目" },
  value: { en: "Value", zh: "数值" },
  share: { en: "Share of total", zh: "占总额比重" },
  source: { en: "Source", zh: "来源" },
  loading: { en: "Loading…", zh: "加载中…" },
  "csv.download": { en: "CSV", zh: "CSV" },
  "png.download": { en: "PNG", zh: "PNG" },
  "svg.download": { en: "SVG", zh: "SVG" },
  "compare.title": { en: "Central-bank comparison", zh: "中央银行资产负债表比较" },
  "compare.figure1": {
    en: "Liability composition over time (shares of total liabilities; the study's Figure 1)",
    zh: "负债结构变化（占总负债比重；研究图1）",
  },
  "compare.assetsOverTime": { en: "Asset composition over time", zh: "资产结构变化" },
  "compare.atDate": { en: "Composition at the selected date", zh: "所选日期的结构" },
  "compare.table2": { en: "Mismatch verdicts (Table 2)", zh: "错配判断（表2）" },
  "compare.table2Pending": {
    en: "The verdict table appears here when the indicator engine is available on the server.",
    zh: "指标引擎可用后，此处显示错配判断表。",
  },
  "explorer.title": { en: "Indicator explorer", zh: "指标浏览" },
  "explorer.series": { en: "Series", zh: "序列" },
  "explorer.click": {
    en: "Click a point to see the balance-sheet lines it came from.",
    zh: "点击图中的点，查看其来源的资产负债表项目。",
  },
  "explorer.level": { en: "Level", zh: "层级" },
  "explorer.levelEntity": { en: "Central banks and sectors", zh: "央行与部门" },
  "explorer.levelCountry": { en: "Countries (External Wealth of Nations)", zh: "国家（EWN对外财富数据）" },
  "explorer.country": { en: "Country", zh: "国家/地区" },
  "explorer.lines": { en: "Balance-sheet lines at", zh: "资产负债表项目：" },
  "sheet.title": { en: "Balance sheet", zh: "资产负债表" },
  "sheet.identity": { en: "Accounting checks", zh: "会计恒等式检查" },
  "sheet.bars": { en: "Assets vs liabilities", zh: "资产与负债" },
  "check.published": { en: "published", zh: "公布值" },
  "check.parts": { en: "sum of parts", zh: "分项合计" },
  "check.difference": { en: "difference", zh: "差额" },
  "check.ok": { en: "ok", zh: "通过" },
  "check.fail": { en: "FAIL", zh: "不通过" },
  "recession.title": { en: "Balance-sheet-recession monitor", zh: "资产负债表衰退监测" },
  "recession.country": { en: "Country", zh: "国家/地区" },
  "recession.timeline": { en: "Stage by year", zh: "各年阶段" },
  "recession.marks": { en: "The four marks", zh: "四个特征" },
  "recession.gap": {
    en: "Credit-to-GDP gap (pp) with the Basel III bands (2 and 10 pp)",
    zh: "信贷/GDP缺口（百分点），巴塞尔III区间（2和10个百分点）",
  },
  "recession.verdict": { en: "Verdict", zh: "结论" },
  "recession.crises": { en: "Crisis dates", zh: "危机日期" },
  "recession.evidence": { en: "Evidence", zh: "证据" },
  "skill.title": {
    en: "Skill score: does the warning beat the credit gap?",
    zh: "预警能力：是否优于信贷缺口？",
  },
  "skill.loading": {
    en: "Computing the out-of-sample evaluation (a few seconds)…",
    zh: "正在计算样本外评估（需数秒）…",
  },
  "skill.lead": {
    en: "Out-of-sample AUROC (0.5 = chance) of the composite warning and of the BIS credit gap alone on the same observations, with 95% intervals; NSR = noise-to-signal ratio at the threshold catching 2/3 of pre-crisis periods (lower is better). The better score of each sample is highlighted.",
    zh: "样本外AUROC（0.5为随机水平）：综合预警与单独的BIS信贷缺口在相同样本上的比较，附95%置信区间；NSR为捕获三分之二危机前时期的阈值下的噪声信号比（越低越好）。每个样本中较好的一项高亮显示。",
  },
  "skill.table": { en: "AUROC: composite vs credit gap", zh: "AUROC：综合预警与信贷缺口" },
  "skill.chart": { en: "AUROC with DeLong 95% intervals", zh: "AUROC及DeLong 95%置信区间" },
  "skill.sample": { en: "Sample", zh: "样本" },
  "skill.score": { en: "Score", zh: "指标" },
  "skill.composite": { en: "composite", zh: "综合预警" },
  "skill.gap": { en: "credit gap", zh: "信贷缺口" },
  "skill.delong": { en: "DeLong 95% CI", zh: "DeLong 95%区间" },
  "skill.bootstrap": { en: "bootstrap 95% CI", zh: "自助法95%区间" },
  "skill.nsr": { en: "NSR (TPR 2/3)", zh: "噪声信号比（TPR 2/3）" },
  "skill.positives": { en: "pre-crisis obs.", zh: "危机前观测" },
  "skill.negatives": { en: "other obs.", zh: "其他观测" },
  "skill.countries": { en: "countries", zh: "国家数" },
  "skill.winner": { en: "better score", zh: "较优" },
  "scenario.title": { en: "Scenario lab", zh: "情景实验室" },
  "scenario.model": { en: "Model", zh: "模型" },
  "scenario.shockAt": { en: "Shock from period", zh: "冲击起始期" },
  "scenario.variable": { en: "Variable", zh: "变量" },
  "scenario.baseline": { en: "baseline", zh: "基准" },
  "scenario.scenario": { en: "scenario", zh: "情景" },
  "scenario.reset": { en: "Reset", zh: "重置" },
  "scenario.periods": { en: "Periods", zh: "期数" },
  "sweep.title": { en: "Parameter sweep", zh: "参数扫描" },
  "sweep.help": {
    en: "Run the model over a grid of one or two parameters (each set for the whole run) and chart one output at one period: a line for one parameter, a heatmap for two.",
    zh: "在一个或两个参数的网格上运行模型（参数作用于整个运行期），绘制某一期的一个输出变量：一个参数为折线图，两个参数为热力图。",
  },
  "sweep.parameter": { en: "Parameter", zh: "参数" },
  "sweep.none": { en: "(none)", zh: "（无）" },
  "sweep.from": { en: "from", zh: "起" },
  "sweep.to": { en: "to", zh: "止" },
  "sweep.step": { en: "step", zh: "步长" },
  "sweep.output": { en: "Output variable", zh: "输出变量" },
  "sweep.period": { en: "at period", zh: "所在期" },
  "sweep.run": { en: "Run sweep", zh: "运行扫描" },
  "sweep.runs": { en: "runs", zh: "次运行" },
  "sweep.by": { en: "by", zh: "随" },
  "import.title": { en: "Import a file", zh: "导入文件" },
  "import.file": { en: "File", zh: "文件" },
  "import.mapping": { en: "Layout", zh: "格式" },
  "import.detect": { en: "detect from header", zh: "按表头识别" },
  "import.preview": { en: "Preview", zh: "预览" },
  "import.commit": { en: "Import", zh: "导入" },
  "import.ok": { en: "No errors: ready to import.", zh: "未发现错误，可以导入。" },
  "import.errors": { en: "errors", zh: "个错误" },
  "import.done": { en: "Imported", zh: "已导入" },
  "import.help": {
    en: "Upload a UTF-8 CSV or an Excel workbook (.xls/.xlsx). Nothing is written until you press Import, and then all of the file or none of it.",
    zh: "上传UTF-8编码的CSV或Excel工作簿（.xls/.xlsx）。点击“导入”前不会写入；导入要么全部成功，要么不写入任何内容。",
  },
  row: { en: "Row", zh: "行" },
  "import.rows": { en: "rows", zh: "行" },
  column: { en: "Column", zh: "列" },
  message: { en: "Message", zh: "说明" },
  year: { en: "Year", zh: "年份" },
  stage: { en: "Stage", zh: "阶段" },
  fired: { en: "Signals fired", zh: "触发信号" },
  period: { en: "Period", zh: "期" },
} as const;

export type StringKey = keyof typeof STRINGS;

/** The text of `key` in the current (or given) language. */
export function t(key: StringKey, lang: Lang = currentLang()): string {
  return STRINGS[key][lang];
}

const STAGES: Record<string, { en: string; zh: string }> = {
  boom: { en: "boom", zh: "繁荣" },
  bust: { en: "bust", zh: "崩溃" },
  "banking crisis": { en: "banking crisis", zh: "银行危机" },
  "slow rescue": { en: "slow rescue", zh: "迟缓救助" },
  "liquidity trap": { en: "liquidity trap", zh: "流动性陷阱" },
  recovery: { en: "recovery", zh: "复苏" },
  none: { en: "none", zh: "无" },
};

export function stageLabel(stage: string, lang: Lang = currentLang()): string {
  return STAGES[stage]?.[lang] ?? stage;
}

const MARKS: Record<string, { en: string; zh: string }> = {
  "asset-price-collapse": { en: "Asset-price collapse", zh: "资产价格崩溃" },
  "monetary-ineffective": { en: "Monetary policy ineffective", zh: "货币政策失效" },
  "private-deleveraging": { en: "Private deleveraging", zh: "私人部门去杠杆" },
  deflation: { en: "Deflation", zh: "通货紧缩" },
};

export function markLabel(id: string, lang: Lang = currentLang()): string {
  return MARKS[id]?.[lang] ?? id;
}
