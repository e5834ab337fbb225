import { describe, expect, it } from "vitest";

import {
  countries,
  countryName,
  diagnose,
  evidenceList,
  evidenceText,
  localize,
  signalText,
  verdictText,
} from "../../src/recession/index.ts";

describe("structured evidence", () => {
  const jp = diagnose("JP", 1985, 2010);
  const us = diagnose("US", 1925, 1945);

  it("renders in English exactly the engine's detail, notes, reasons, lags and boom mark", () => {
    for (const d of [jp, us]) {
      for (const y of d.timeline) {
        for (const s of y.signals) expect(evidenceList(s.evidence, "en")).toBe(s.detail);
        expect(y.noteEvidence.map((e) => evidenceText(e, "en"))).toEqual(y.notes);
      }
      for (const e of d.episodes) {
        expect(evidenceList(e.reasonEvidence, "en")).toBe(e.reason);
        expect(evidenceList(e.policyLag.evidence, "en")).toBe(e.policyLag.detail);
      }
      expect(evidenceText(d.boomMarkEvidence!, "en")).toBe(d.boomMark);
      expect(verdictText(d, "en")).toBe(d.verdict.summary);
    }
  });

  it("renders the seed's evidence in Chinese", () => {
    const s = (d: typeof jp, year: number, id: string) =>
      d.timeline.find((r) => r.year === year)!.signals.find((x) => x.id === id)!;
    expect(signalText(s(jp, 1989, "leveraged-boom"), "zh")).toBe(
      "信贷缺口21.2个百分点（BIS信贷/GDP比率，单边HP滤波（lambda 400,000），第四季度）；实际股价3年变化101.7%；实际房价3年变化15.9%",
    );
    expect(signalText(s(jp, 1990, "asset-price-collapse"), "zh")).toBe(
      "股价较5年高点-38.5%（日经225，月均值；阈值-30%）；房价较5年高点0%（JST R6 hpnom；阈值-15%）",
    );
    expect(signalText(s(us, 1931, "deflation"), "zh")).toMatch(/^CPI同比-9%/);
    expect(evidenceText(us.boomMarkEvidence!, "zh")).toBe(
      "Shiller周期调整市盈率（CAPE）峰值32.56（1929-09）",
    );
    const notes1938 = us.timeline
      .find((r) => r.year === 1938)!
      .noteEvidence.map((e) => evidenceText(e, "zh"));
    expect(notes1938).toContain("财政紧缩后再度衰退：上年紧缩后实际GDP -3.5%");
    expect(verdictText(us, "zh")).toMatch(
      /^1929年起为资产负债表衰退（至1939年结束，共11年）：资产价格崩溃1929–1939年/,
    );
  });

  it("says in Chinese which marks could not be tested (Korea 1997: no equity series, no short rate)", () => {
    const kr = diagnose("KR", 1995, 2002, { lang: "zh" });
    expect(kr.text!.untested).toContain(
      "资产价格崩溃（股价）在1995-2002年未能检验：数据中无韩国的股价序列（JST eq_capgain仅覆盖18个国家，Shiller覆盖美国，日经指数覆盖日本；可用bslab import导入）",
    );
    expect(kr.text!.untested).toContain(
      "货币政策失效在1995-2002年未能检验：无短期利率（JST stir仅覆盖18个国家）",
    );
    expect(kr.text!.verdict).toMatch(/；未能检验：资产价格崩溃（股价）/);
    for (const line of kr.text!.untested) expect(line).not.toMatch(/no |not /);
  });

  it("localize adds lang and texts without changing the diagnosis", () => {
    const z = localize(jp, "zh");
    expect(z.lang).toBe("zh");
    expect(z.text!.country).toBe("日本");
    expect(z.text!.years.find((y) => y.year === 1997)!.stage).toBe("银行危机");
    expect({ ...z, lang: undefined, text: undefined }).toEqual({ ...jp, lang: undefined, text: undefined });
    expect(diagnose("JP", 1985, 2010, { lang: "zh" }).text).toEqual(z.text);
  });

  it("names every known country in Chinese", () => {
    for (const c of countries()) expect(countryName(c, "zh")).toMatch(/[\u4e00-\u9fff]/);
  });

  it("not-computable reasons name the missing dataset in Chinese", () => {
    expect(
      evidenceText(
        {
          key: "notComputable",
          values: { reason: "dataset jst-macrohistory-r6 not installed (data/jst-macrohistory-r6/)" },
        },
        "zh",
      ),
    ).toBe("无法计算：数据集jst-macrohistory-r6未安装（data/jst-macrohistory-r6/）");
  });
});
