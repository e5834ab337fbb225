import { describe, expect, it } from "vitest";

import { STUDY_CONCLUSIONS, STUDY_VERDICTS } from "../../src/indicators/study.ts";

// Peng and Xie (2014), Table 2 as printed (end-2013): the words of each cell and conclusion.
describe("the study's Table 2, one data table", () => {
  it("cells carry the printed words, level and direction", () => {
    expect(STUDY_VERDICTS.pboc!.currency).toEqual({
      level: "severe",
      direction: "creditor",
      printed: { en: "severe creditor-type currency mismatch", zh: "存在严重的债权型货币错配" },
    });
    expect(STUDY_VERDICTS.boj!.currency.printed.zh).toBe("存在债权型货币错配");
    expect(STUDY_VERDICTS.fed!.maturity.printed).toEqual({
      en: "maturity mismatch present",
      zh: "存在期限错配",
    });
    expect(STUDY_VERDICTS.ecb!["capital-structure"]).toEqual({
      level: "not considered",
      printed: { en: "not considered", zh: "不予考虑" },
    });
    expect(STUDY_VERDICTS.pboc!["capital-structure"].printed.zh).toBe("存在资本结构错配");
  });

  it("conclusions find the cells the study finds", () => {
    expect(STUDY_CONCLUSIONS.pboc!.found).toEqual(["currency", "capital-structure"]);
    expect(STUDY_CONCLUSIONS.fed!.found).toEqual(["maturity", "capital-structure"]);
    expect(STUDY_CONCLUSIONS.boj).toEqual({
      found: ["currency", "maturity", "capital-structure"],
      printed: { en: "all three types of mismatch", zh: "三种类型错配均存在" },
    });
    expect(STUDY_CONCLUSIONS.ecb!.found).toEqual(["currency", "maturity"]);
  });

  it("an entity id that is a prototype name finds no study cell", () => {
    expect(STUDY_VERDICTS["__proto__"]).toBeUndefined();
    expect(STUDY_CONCLUSIONS["constructor"]).toBeUndefined();
  });
});
