import { defineMessages } from "../i18n/define.ts";

const f2 = (v: number) => v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number, d = 1) => `${(v * 100).toFixed(d)}%`;

/** Texts of the revaluation stress in reports and the web panel (catalogue domain `stress`). */
export const STRESS_MESSAGES = defineMessages({
  title: { en: "Exchange-rate revaluation risk", zh: "汇率重估风险" },
  intro: {
    en: "The study: since the RMB exchange-rate reform of July 2005 the central parity has appreciated more than 30% against the dollar and the PBoC's FX assets have suffered large book losses. A creditor-type currency mismatch loses book value when the domestic currency appreciates: an appreciation of x lowers the domestic value of the net foreign-currency position N by x * N.",
    zh: "原文：2005年7月汇率形成机制改革以来，人民币对美元汇率中间价已累计升值30%以上，人民银行外汇资产蒙受了巨大的账面损失。债权型货币错配在本币升值时遭受账面损失：本币升值 x，净外币头寸 N 的本币价值减少 x * N。",
  },
  position: {
    en: (unit: string, fx: number, net: number, equity: number) =>
      `FX assets ${f2(fx)}, net foreign-currency position ${f2(net)}, own capital ${f2(equity)} (${unit})`,
    zh: (unit: string, fx: number, net: number, equity: number) =>
      `外汇资产 ${f2(fx)}，净外币头寸 ${f2(net)}，自有资金 ${f2(equity)}（${unit}）`,
  },
  shock: {
    en: (x: number, loss: number, times: number | null, breakEven: number | null) =>
      `A ${pct(x, 0)} appreciation costs ${f2(loss)}${times === null ? "" : `, ${times.toFixed(1)} times own capital`}${breakEven === null ? "" : `; an appreciation of ${pct(breakEven, 3)} already uses up the capital`}.`,
    zh: (x: number, loss: number, times: number | null, breakEven: number | null) =>
      `本币升值 ${pct(x, 0)} 造成账面损失 ${f2(loss)}${times === null ? "" : `，为自有资金的 ${times.toFixed(1)} 倍`}${breakEven === null ? "" : `；升值 ${pct(breakEven, 3)} 即耗尽自有资金`}。`,
  },
  history: {
    en: (from: string, to: string, r0: number, r1: number, app: number, total: number) =>
      `With the bundled CNY per USD rate (${r0} at ${from}, ${r1} at ${to}: an appreciation of ${pct(app)}), each month's net position revalued at the next month's rate gives a cumulative ${total < 0 ? "loss" : "gain"} of ${f2(Math.abs(total))} (the whole position priced as dollars).`,
    zh: (from: string, to: string, r0: number, r1: number, app: number, total: number) =>
      `按内置的人民币对美元汇率（${from} 为 ${r0}，${to} 为 ${r1}，本币升值 ${pct(app)}），逐月以汇率变动重估上月净头寸，累计${total < 0 ? "损失" : "收益"} ${f2(Math.abs(total))}（整个头寸按美元计价）。`,
  },
  noHistory: {
    en: (why: string) => `No historical revaluation: ${why}.`,
    zh: (why: string) => `无法计算历史重估：${why}。`,
  },
  colAppreciation: { en: "Appreciation", zh: "本币升值" },
  colLoss: { en: "Book loss", zh: "账面损失" },
  colTimes: { en: "Loss / own capital", zh: "损失/自有资金" },
  colEquityAfter: { en: "Own capital after", zh: "损失后自有资金" },
});
