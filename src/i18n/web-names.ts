import { defineMessages } from "./define.ts";

/**
 * Titles of the bundled SFC models in both languages (catalogue domain `model`, keyed by the model's
 * name in lower case). The `.sfc` file's own title is one English string (docs/sfc-language.md);
 * the web app shows these, and a model without an entry (one the user imported) by its name.
 */
export const MODEL_TITLES = defineMessages({
  bmw: {
    en: "Bank money world: the simplest model with private bank money, Godley and Lavoie (2007) ch. 7",
    zh: "银行货币世界：含私人银行货币的最简模型，Godley 与 Lavoie（2007）第7章",
  },
  bsr: {
    en: "Balance-sheet recession: a land bubble on bank credit, its burst, debt repayment, bad loans and policy",
    zh: "资产负债表衰退：银行信贷推动的土地泡沫、泡沫破裂、偿债、不良贷款与政策",
  },
  dis: {
    en: "Inventories, bank loans and mark-up pricing (disequilibrium), Godley and Lavoie (2007) ch. 9",
    zh: "存货、银行贷款与成本加成定价（非均衡），Godley 与 Lavoie（2007）第9章",
  },
  disinf: {
    en: "DIS with wage bargaining and inflation, Godley and Lavoie (2007) ch. 10",
    zh: "含工资谈判与通胀的 DIS 模型，Godley 与 Lavoie（2007）第10章",
  },
  growth: {
    en: "Growth with inventories, fixed capital, equities, personal loans and bank own funds, Godley and Lavoie (2007) ch. 11",
    zh: "含存货、固定资本、股票、个人贷款与银行自有资金的增长模型，Godley 与 Lavoie（2007）第11章",
  },
  insout: {
    en: "Inside and outside money: banks, a central bank lending on demand, inventories and inflation, Godley and Lavoie (2007) ch. 10",
    zh: "内生与外生货币：银行、按需放贷的中央银行、存货与通胀，Godley 与 Lavoie（2007）第10章",
  },
  lp1: {
    en: "Long-term bonds, capital gains and liquidity preference, Godley and Lavoie (2007) ch. 5",
    zh: "长期债券、资本利得与流动性偏好，Godley 与 Lavoie（2007）第5章",
  },
  lp2: {
    en: "LP1 with a bond price the central bank moves to keep the bond share in a target range, Godley and Lavoie (2007) ch. 5",
    zh: "LP1 模型，中央银行调节债券价格使债券占比保持在目标区间，Godley 与 Lavoie（2007）第5章",
  },
  open: {
    en: "Two countries with a fixed exchange rate and gold reserves, Godley and Lavoie (2007) ch. 6",
    zh: "固定汇率与黄金储备下的两国模型，Godley 与 Lavoie（2007）第6章",
  },
  pc: {
    en: "Portfolio choice, Godley and Lavoie (2007) ch. 4",
    zh: "资产组合选择，Godley 与 Lavoie（2007）第4章",
  },
  pcex: {
    en: "Portfolio choice with random expectations of income, Godley and Lavoie (2007) ch. 4",
    zh: "收入预期随机的资产组合选择，Godley 与 Lavoie（2007）第4章",
  },
  pcex1: {
    en: "Portfolio choice with adaptive expectations of income, Godley and Lavoie (2007) ch. 4",
    zh: "收入适应性预期的资产组合选择，Godley 与 Lavoie（2007）第4章",
  },
  pcex2: {
    en: "PCEX1 with a propensity to consume that falls with the interest rate, Godley and Lavoie (2007) ch. 4",
    zh: "消费倾向随利率下降的 PCEX1 模型，Godley 与 Lavoie（2007）第4章",
  },
  reg: {
    en: "Two regions, one government and one central bank, Godley and Lavoie (2007) ch. 6",
    zh: "两个地区、一个政府与一个中央银行，Godley 与 Lavoie（2007）第6章",
  },
  sim: {
    en: "The simplest model with government money, Godley and Lavoie (2007) ch. 3",
    zh: "含政府货币的最简模型，Godley 与 Lavoie（2007）第3章",
  },
  simex: {
    en: "SIM with expected disposable income, Godley and Lavoie (2007) ch. 3",
    zh: "含预期可支配收入的 SIM 模型，Godley 与 Lavoie（2007）第3章",
  },
});

/**
 * What each import layout reads, in both languages (catalogue domain `layout`, keyed by the layout's
 * name), for the import page's layout menu. The CLI's `bslab import --help` keeps the layouts' own
 * longer English descriptions (src/io/mappings).
 */
export const LAYOUT_DESCRIPTIONS = defineMessages({
  "pboc-xls": {
    en: "PBoC balance-sheet workbook (.xls/.xlsx)",
    zh: "人民银行资产负债表工作簿（.xls/.xlsx）",
  },
  "laeven-valencia": {
    en: "Laeven-Valencia systemic banking crises workbook",
    zh: "Laeven-Valencia 系统性银行危机工作簿",
  },
  "reinhart-rogoff": {
    en: "Reinhart-Rogoff crises by country workbook",
    zh: "Reinhart-Rogoff 分国别危机数据工作簿",
  },
  ewn: { en: "External Wealth of Nations workbook", zh: "External Wealth of Nations 数据工作簿" },
  xlsx: { en: "any other workbook, read as a CSV layout", zh: "其他工作簿，按下列 CSV 格式读取首张工作表" },
  long: { en: "long CSV of positions (one line per row)", zh: "长格式 CSV 报表项目（每行一个项目）" },
  "tidy-sheets": { en: "bslab's tidy export of balance sheets", zh: "bslab 导出的整洁长格式资产负债表" },
  "long-series": { en: "long CSV of series", zh: "长格式 CSV 时间序列" },
  "pboc-long": { en: "PBoC table, one row per published cell", zh: "人民银行报表，每个公布单元格一行" },
  pboc: { en: "PBoC monetary-authority table, wide CSV", zh: "人民银行货币当局资产负债表，宽格式 CSV" },
  "pboc-odc": {
    en: "PBoC other depository corporations, wide CSV",
    zh: "人民银行其他存款性公司资产负债表，宽格式 CSV",
  },
  shiller: { en: "Shiller ie_data monthly extract", zh: "Shiller ie_data 月度摘录" },
  "pboc-monthly": { en: "other PBoC monthly tables, as series", zh: "人民银行其他月度报表，读为时间序列" },
  "fed-ddp": { en: "Federal Reserve Data Download Program CSV", zh: "美联储数据下载程序（DDP）CSV" },
  "boj-bs01": { en: "Bank of Japan BS01 accounts table", zh: "日本银行 BS01 营业报告表" },
  "boj-accounts": { en: "Bank of Japan accounts, long CSV", zh: "日本银行营业每旬报告，长格式 CSV" },
  fred: { en: "FRED series CSV", zh: "FRED 序列 CSV" },
  "ecb-ilm": { en: "ECB Data Portal SDMX-CSV of ILM", zh: "欧洲央行数据门户 ILM 的 SDMX-CSV" },
  "sdmx-csv": { en: "SDMX-CSV 1.0 or 2.0", zh: "SDMX-CSV 1.0 或 2.0" },
  "bis-csv-col": { en: "BIS statistics csv_col (wide)", zh: "国际清算银行统计 csv_col（宽格式）" },
  "bis-csv-flat": {
    en: "BIS statistics csv_flat (one row per observation)",
    zh: "国际清算银行统计 csv_flat（每个观测值一行）",
  },
  jst: { en: "Jordà-Schularick-Taylor Macrohistory CSV", zh: "Jordà-Schularick-Taylor 宏观历史数据 CSV" },
  "sectoral-balances": { en: "sectoral net lending, % of GDP", zh: "部门净借出，占GDP%" },
  nikkei: { en: "daily index file (Nikkei 225 closes)", zh: "每日指数文件（日经225收盘价）" },
  "bslab-json": { en: "a bslab analysis export (JSON)", zh: "bslab 分析导出文件（JSON）" },
});
