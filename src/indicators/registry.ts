// One import line per definition; the registry rejects duplicate and malformed ids.
import { def as cbBondsIssuedShare } from "./defs/cb-bonds-issued-share.ts";
import { def as cbCurrencyIssuedShare } from "./defs/cb-currency-issued-share.ts";
import { def as cbFcAssetsToFcLiabilities } from "./defs/cb-fc-assets-to-fc-liabilities.ts";
import { def as cbFinancialDepositsShare } from "./defs/cb-financial-deposits-share.ts";
import { def as cbFxAssetsShare } from "./defs/cb-fx-assets-share.ts";
import { def as cbFxLiabilitiesShare } from "./defs/cb-fx-liabilities-share.ts";
import { def as cbFxToForeignLiabilities } from "./defs/cb-fx-to-foreign-liabilities.ts";
import { def as cbGovernmentDepositsShare } from "./defs/cb-government-deposits-share.ts";
import { def as cbGovernmentSecuritiesShare } from "./defs/cb-government-securities-share.ts";
import { def as cbInterestBearingShare } from "./defs/cb-interest-bearing-share.ts";
import { def as cbLongTermGovernmentSecuritiesShare } from "./defs/cb-long-term-government-securities-share.ts";
import { def as cbLongTermSecuritiesShare } from "./defs/cb-long-term-securities-share.ts";
import { def as cbLongerTermRefinancingShare } from "./defs/cb-longer-term-refinancing-share.ts";
import { def as cbMainRefinancingShare } from "./defs/cb-main-refinancing-share.ts";
import { def as cbNetFxPosition } from "./defs/cb-net-fx-position.ts";
import { def as cbNfaShareOfDepositoryCorporations } from "./defs/cb-nfa-share-of-depository-corporations.ts";
import { def as cbNonInterestBearingShare } from "./defs/cb-non-interest-bearing-share.ts";
import { def as cbOtherAssetsShare } from "./defs/cb-other-assets-share.ts";
import { def as cbOtherAssetsToOdcAssets } from "./defs/cb-other-assets-to-odc-assets.ts";
import { def as cbShortTermSecuritiesShare } from "./defs/cb-short-term-securities-share.ts";
import { def as countryAcmaq } from "./defs/country-acmaq.ts";
import { def as countryAecm } from "./defs/country-aecm.ts";
import { def as countryExternalDebtToReserves } from "./defs/country-external-debt-to-reserves.ts";
import { def as countryIndexa } from "./defs/country-indexa.ts";
import { def as countryIndexb } from "./defs/country-indexb.ts";
import { def as countryMismatch } from "./defs/country-mismatch.ts";
import { def as countryNetDebtPositionToGdp } from "./defs/country-net-debt-position-to-gdp.ts";
import { def as countryNetExternalDebtToNetFdi } from "./defs/country-net-external-debt-to-net-fdi.ts";
import { def as countryOsin1 } from "./defs/country-osin1.ts";
import { def as countryOsin2 } from "./defs/country-osin2.ts";
import { def as countryOsin3 } from "./defs/country-osin3.ts";
import { def as countryReservesToGdp } from "./defs/country-reserves-to-gdp.ts";
import { def as countryReservesToShortTermExternalDebt } from "./defs/country-reserves-to-short-term-external-debt.ts";
import { def as countryShortTermExternalDebtToReserves } from "./defs/country-short-term-external-debt-to-reserves.ts";
import { def as sectorDebtToEquity } from "./defs/sector-debt-to-equity.ts";
import { def as sectorDepositsToCapital } from "./defs/sector-deposits-to-capital.ts";
import { def as sectorShortTermLiabilitiesToLiquidAssets } from "./defs/sector-short-term-liabilities-to-liquid-assets.ts";
import { IndicatorError } from "../errors.ts";
import { indicatorMessages as msg } from "./messages.ts";
import type { IndicatorDef, IndicatorLevel, MismatchType } from "./types.ts";

const ID = /^(cb|sector|country)\.[a-z0-9]+(_[a-z0-9]+)*$/;

/**
 * Builds a registry from definitions, rejecting a duplicate id or one not of the form
 * `<level>.<snake_case>`. Exposed so tests can check the rejection.
 */
export function buildRegistry(defs: readonly IndicatorDef[]): ReadonlyMap<string, IndicatorDef> {
  const map = new Map<string, IndicatorDef>();
  for (const d of defs) {
    if (!ID.test(d.id)) throw new IndicatorError(msg.reservedId(d.id));
    if (map.has(d.id)) throw new IndicatorError(msg.duplicateId(d.id));
    map.set(d.id, d);
  }
  return map;
}

const TYPE_ORDER: MismatchType[] = ["currency", "maturity", "capital-structure"];

const ALL: IndicatorDef[] = [
  cbBondsIssuedShare,
  cbCurrencyIssuedShare,
  cbFcAssetsToFcLiabilities,
  cbFinancialDepositsShare,
  cbFxAssetsShare,
  cbFxLiabilitiesShare,
  cbFxToForeignLiabilities,
  cbGovernmentDepositsShare,
  cbGovernmentSecuritiesShare,
  cbInterestBearingShare,
  cbLongTermGovernmentSecuritiesShare,
  cbLongTermSecuritiesShare,
  cbLongerTermRefinancingShare,
  cbMainRefinancingShare,
  cbNetFxPosition,
  cbNfaShareOfDepositoryCorporations,
  cbNonInterestBearingShare,
  cbOtherAssetsShare,
  cbOtherAssetsToOdcAssets,
  cbShortTermSecuritiesShare,
  countryAcmaq,
  countryAecm,
  countryExternalDebtToReserves,
  countryIndexa,
  countryIndexb,
  countryMismatch,
  countryNetDebtPositionToGdp,
  countryNetExternalDebtToNetFdi,
  countryOsin1,
  countryOsin2,
  countryOsin3,
  countryReservesToGdp,
  countryReservesToShortTermExternalDebt,
  countryShortTermExternalDebtToReserves,
  sectorDebtToEquity,
  sectorDepositsToCapital,
  sectorShortTermLiabilitiesToLiquidAssets,
];

/** Every indicator, by id. */
export const REGISTRY = buildRegistry(
  [...ALL].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.id.localeCompare(b.id),
  ),
);

/** Every indicator, ordered by mismatch type, then id. */
export function listIndicators(
  filter: { level?: readonly IndicatorLevel[]; type?: MismatchType } = {},
): IndicatorDef[] {
  return [...REGISTRY.values()].filter(
    (d) => (!filter.level || filter.level.includes(d.level)) && (!filter.type || d.type === filter.type),
  );
}

/** The definition with `id`; throws an IndicatorError that suggests near ids. */
export function getIndicator(id: string): IndicatorDef {
  const d = REGISTRY.get(id);
  if (d) return d;
  const words = (id.split(".").pop() ?? id).split("_").filter((w) => w.length > 1);
  const near = [...REGISTRY.keys()].filter((k) => words.length > 0 && words.every((w) => k.includes(w)));
  throw new IndicatorError(msg.unknownId(id, near.slice(0, 3)));
}
