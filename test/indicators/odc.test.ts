import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { computeIndicator, type IndicatorInput } from "../../src/indicators/compute.ts";
import { resolveInput } from "../../src/indicators/inputs.ts";
import { getIndicator } from "../../src/indicators/registry.ts";
import { matchesStudy, STUDY_2013 } from "../../src/indicators/study.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  ({ store, cleanup } = await bundledStore());
});
afterAll(() => cleanup());

const compute = async (entity: string, date: string, id: string) =>
  computeIndicator(getIndicator(id), await resolveInput(store, entity, date));
const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
const ODC_2013 = "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2013.xls[Sheet1]";
const MA_2013 = "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls";

describe("PBoC beside the other depository corporations, Peng and Xie (2014)", () => {
  it("section 2.1: the PBoC holds 96.1% of depository corporations' net foreign assets at end-2013", async () => {
    const r = await compute("pboc", "2013-12", "cb.nfa_share_of_depository_corporations");
    expect(round(r.value, 3)).toBe(0.961);
    expect(
      matchesStudy(
        r.value!,
        STUDY_2013.find((f) => f.id === r.id)!,
      ),
    ).toBe(true);
    const v = Object.fromEntries(r.inputs.map((i) => [i.term, i.value!]));
    // Seed check: (272,233.53 - 2,088.27) / 280,986.36. The formula adds the item lines, which the
    // workbook rounds to 0.01 above its printed 国外资产 subtotal; tolerance 0.011 (1e8 yuan).
    const cb = v.cb_foreign_claims! + v.cb_monetary_gold! - v.cb_foreign_liabilities!;
    expect(Math.abs(cb - (272233.53 - 2088.27))).toBeLessThanOrEqual(0.011);
    const all = cb + v.odc_foreign_assets! - v.odc_foreign_liabilities!;
    expect(Math.abs(all - 280986.36)).toBeLessThanOrEqual(0.011);
    expect(r.inputs.find((i) => i.term === "odc_foreign_assets")!.lines).toEqual([
      { item: "foreign_assets", label: "Foreign assets", value: 28814.09, source: `${ODC_2013}:8:M` },
    ]);
    expect(r.inputs.find((i) => i.term === "cb_foreign_liabilities")!.lines[0]!.source).toBe(`${MA_2013}:24`);
  });

  it("section 3.4: PBoC other assets are 0.50% of the other depository corporations' total assets in 2013", async () => {
    const r = await compute("pboc", "2013-12", "cb.other_assets_to_odc_assets");
    expect(round(r.value, 4)).toBe(0.005);
    expect((r.value! * 100).toFixed(2)).toBe("0.50");
    expect(r.inputs.map((i) => i.lines.map((l) => `${l.value} @ ${l.source}`))).toEqual([
      [`7652.04 @ ${MA_2013}:17`],
      [`1524751.55 @ ${ODC_2013}:20:M`],
    ]);
  });

  it("the other depository corporations' total assets: 44.1 trn yuan in 2006, 152.5 trn in 2013 (section 3.4)", async () => {
    const r06 = await compute("pboc", "2006-12", "cb.other_assets_to_odc_assets");
    const total = (r: Awaited<ReturnType<typeof compute>>) =>
      r.inputs.find((i) => i.term === "odc_total_assets")!;
    expect(total(r06).value).toBe(441302.55);
    expect(round(total(r06).value! / 1e4, 1)).toBe(44.1);
    expect(total(await compute("pboc", "2013-12", "cb.other_assets_to_odc_assets")).value).toBe(1524751.55);
  });

  it("before 2006 there is no ODC sheet: not computable, naming the missing sector", async () => {
    const r = await compute("pboc", "2005-12", "cb.nfa_share_of_depository_corporations");
    expect(r.value).toBeNull();
    expect(r.note).toBe(
      "not computable: other depository corporations' foreign assets: no S.122 balance sheet of the same economy as pboc at 2005-12 in the bundled data",
    );
  });
});

describe("sector.deposits_to_capital on the ODC sheet", () => {
  it("pboc-odc 2013-12: AF.2 deposit lines / AF.5 paid-in capital, each with its workbook row", async () => {
    const r = await compute("pboc-odc", "2013-12", "sector.deposits_to_capital");
    const [deposits, capital] = r.inputs;
    expect(deposits!.lines.map((l) => `${l.item} ${l.source}`)).toEqual([
      `corporate_demand_deposits ${ODC_2013}:23:M`,
      `corporate_time_deposits ${ODC_2013}:24:M`,
      `household_deposits ${ODC_2013}:25:M`,
      `transferable_deposits ${ODC_2013}:27:M`,
      `other_deposits ${ODC_2013}:28:M`,
      `deposits_in_other_liabilities ${ODC_2013}:29:M`,
    ]);
    expect(deposits!.value).toBe(1012778.84);
    expect(capital!.lines).toEqual([
      { item: "paid_in_capital", label: "Paid-in capital", value: 32545.82, source: `${ODC_2013}:36:M` },
    ]);
    expect(r.value).toBeCloseTo(1012778.84 / 32545.82, 12);
    expect(r.reading!.signal).toBe("risk");
  });

  it("deposits in the published subtotals: the AF.2 lines add up to 纳入/不纳入广义货币的存款 plus 其他负债存款", async () => {
    const sheet = (await loadSheet(store, "pboc-odc", "2013-12"))!;
    const sub = (item: string) => sheet.positions.find((p) => p.item === item)!.value;
    const r = await compute("pboc-odc", "2013-12", "sector.deposits_to_capital");
    expect(r.inputs[0]!.value).toBeCloseTo(sub("liabilities_to_non_financial_sector"), 6);
  });

  it("for the PBoC it reads China's depository corporations, the same value", async () => {
    const odc = await compute("pboc-odc", "2013-12", "sector.deposits_to_capital");
    expect((await compute("pboc", "2013-12", "sector.deposits_to_capital")).value).toBe(odc.value);
  });

  it("2022-12 from the TWK2022 extract is computable too", async () => {
    const r = await compute("pboc-odc", "2022-12", "sector.deposits_to_capital");
    expect(r.value).toBeCloseTo(2340881.21 / 84516.04, 9);
  });

  it("a peer sheet in another unit is refused, naming both units", async () => {
    const input = await resolveInput(store, "pboc", "2013-12");
    const odc = input.peers!["S.122"]!;
    const bad: IndicatorInput = {
      ...input,
      peers: { "S.122": { ...odc, unit: { currency: "CNY", scale: 4 } } },
    };
    expect(computeIndicator(getIndicator("cb.other_assets_to_odc_assets"), bad).note).toBe(
      "not computable: other depository corporations' total assets: the pboc-odc sheet is in CNY ten thousands (1e4) and the input's in CNY hundred millions (1e8) (convert one to the other's unit first)",
    );
  });
});
