import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { launchChromium, serveWorkbench } from "../helpers/browser.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let app: FastifyInstance;
let browser: Browser;
let base: string;
let db: { path: string; cleanup: () => void };

beforeAll(async () => {
  db = seededDbPath();
  ({ app, base } = await serveWorkbench({ dbPath: db.path }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  db?.cleanup();
});

/** The text-figures panel of the comparison page, one row's text per figure id. */
async function figureRows(lang: "en" | "zh"): Promise<Map<string, string>> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}/#/compare?entity=pboc&date=2013-12&lang=${lang}`);
  const panel = page.locator('[data-testid="text-figures"]');
  await panel.locator("tbody tr").first().waitFor({ timeout: 30_000 });
  const rows = new Map<string, string>();
  for (const tr of await panel.locator("tbody tr").all())
    rows.set((await tr.getAttribute("data-id"))!, await tr.innerText());
  await page.close();
  return rows;
}

// Peng and Xie (2014), sections 2-3: 10.8x, 17.7%, 78.4%, +35.4 pp; bslab's from the bundled
// PBoC sheets and SAFE's series.
describe("comparison page: the study's text figures beside bslab's", () => {
  it("en: growth 10.84x matches the study's 10.8x, FX-only 11.09x differs, 17.71% and 78.39% match, +46.95 pp differs from +35.4 pp", async () => {
    const rows = await figureRows("en");
    expect(rows.get("study.nfcp_growth_all")).toMatch(/10\.8x\s+10\.84x\s+matches ✓/);
    expect(rows.get("study.nfcp_growth_fx")).toMatch(/10\.8x\s+11\.09x\s+differs/);
    expect(rows.get("study.short_term_debt_to_reserves")).toMatch(/17\.7%\s+17\.71%\s+matches ✓/);
    expect(rows.get("study.short_term_debt_share")).toMatch(/78\.4%\s+78\.39%\s+matches ✓/);
    expect(rows.get("study.short_term_share_rise")).toMatch(/\+35\.4 pp since 2002\s+\+46\.95 pp\s+differs/);
    // Each figure names the lines it was computed from.
    expect(rows.get("study.nfcp_growth_fx")).toContain("2013-12 Foreign exchange 264,270.04");
  });

  it("zh: the same figures with Chinese labels and status", async () => {
    const rows = await figureRows("zh");
    expect(rows.get("study.nfcp_growth_all")).toMatch(
      /^中国人民银行净外币头寸2002年末至2013年末增长倍数（全部国外资产）\s+10\.8x\s+10\.84x\s+一致 ✓/,
    );
    expect(rows.get("study.short_term_share_rise")).toMatch(
      /较2002年上升35\.4个百分点\s+\+46\.95 pp\s+不一致/,
    );
    expect(rows.get("study.short_term_debt_to_reserves")).toContain("2013年中国短期外债与外汇储备之比");
  });
});
