import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { indicatorsMarkdown } from "../../src/indicators/docs.ts";
import { REGISTRY } from "../../src/indicators/registry.ts";

describe("docs/indicators.md", () => {
  it("is the registry's generated table (regenerate with indicatorsMarkdown())", () => {
    expect(readFileSync("docs/indicators.md", "utf8")).toBe(indicatorsMarkdown());
  });
  it("lists every id", () => {
    const doc = readFileSync("docs/indicators.md", "utf8");
    for (const id of REGISTRY.keys()) expect(doc).toContain(`\`${id}\``);
  });
});
