import { describe, expect, it } from "vitest";

import { describeModel } from "../../src/sfc/models.ts";
import { loadModel } from "../../src/sfc/index.ts";
import { parseModelText } from "../../src/sfc/parse/parser.ts";

const BODY = `
equations
  Y = G
parameters
  G = 20
`;

describe(".sfc model title in Chinese (docs/sfc-language.md)", () => {
  it('`model NAME "title" zh "标题"` carries both titles to the model a front end describes', () => {
    const tree = parseModelText(`model SIM "The simplest model" zh "最简模型"\n${BODY}`);
    expect(tree).toMatchObject({ title: "The simplest model", titleZh: "最简模型" });
    const info = describeModel(loadModel(`model SIM "The simplest model" zh "最简模型"\n${BODY}`));
    expect(info).toMatchObject({ title: "The simplest model", titleZh: "最简模型" });
  });

  it("a file with only the English title reads as before: no Chinese title", () => {
    const tree = parseModelText(`model SIM "The simplest model"\n${BODY}`);
    expect(tree.title).toBe("The simplest model");
    expect("titleZh" in tree).toBe(false);
  });
});
