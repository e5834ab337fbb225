import { msg } from "../../../src/i18n/catalogue.ts";
import { getJson } from "../api.ts";
import { errorBox, h, input } from "../dom.ts";
import { formatNumber } from "../format.ts";
import { setParams, type Lang } from "../state.ts";

/** What GET /api/stress/{entity}/{date} answers (src/stress/load.ts, RevaluationReport). */
interface StressAnswer {
  entity: string;
  date: string;
  dateNote: string | null;
  unitText: { en: string; zh: string };
  position: { netForeign: number; foreignAssets: number; equity: number };
  stress: {
    steps: Array<{
      appreciation: number;
      cumulative: number;
      cumulativeLoss: number;
      lossToEquity: number | null;
      equityAfter: number;
    }>;
    loss: number;
    lossToEquity: number | null;
    breakEven: number | null;
  };
  history: {
    from: string;
    to: string;
    rateFrom: number;
    rateTo: number;
    appreciation: number;
    total: number;
  } | null;
  rate: { id: string } | { missing: string };
}

/**
 * The revaluation stress of the page's central bank at its date: the appreciation (percent, or a
 * path such as 5,5,5) is an input kept in the URL (`stress=`); the loss, the own capital it consumes
 * and the history implied by the bundled exchange rate come from the API.
 */
export async function stressPanel(
  entity: string,
  date: string,
  appreciation: string,
  lang: Lang,
): Promise<HTMLElement> {
  const panel = h(
    "section",
    { class: "panel", "data-testid": "stress" },
    h("h3", {}, `${msg(lang, "stress.title")}: ${entity} ${date}`),
    h("p", {}, msg(lang, "stress.intro")),
    input(
      msg(lang, "stress.colAppreciation") + " %",
      "stress",
      appreciation,
      (v) => setParams({ stress: v }),
      {
        size: 8,
      },
    ),
  );
  try {
    const r = await getJson<StressAnswer>(
      `/api/stress/${encodeURIComponent(entity)}/${encodeURIComponent(date)}?appreciation=${encodeURIComponent(appreciation)}`,
    );
    const p = r.position;
    const first = r.stress.steps[0]!;
    panel.append(
      h("p", {}, msg(lang, "stress.position", r.unitText[lang], p.foreignAssets, p.netForeign, p.equity)),
      ...(r.dateNote ? [h("p", { class: "note" }, r.dateNote)] : []),
      h(
        "table",
        { "data-testid": "stress-steps" },
        h(
          "tr",
          {},
          h("th", {}, msg(lang, "stress.colAppreciation")),
          h("th", {}, msg(lang, "stress.colLoss")),
          h("th", {}, msg(lang, "stress.colTimes")),
          h("th", {}, msg(lang, "stress.colEquityAfter")),
        ),
        ...r.stress.steps.map((s) =>
          h(
            "tr",
            {},
            h("td", {}, `${(s.cumulative * 100).toFixed(1)}%`),
            h("td", {}, formatNumber(s.cumulativeLoss, lang)),
            h("td", {}, s.lossToEquity === null ? "–" : `${s.lossToEquity.toFixed(1)}x`),
            h("td", {}, formatNumber(s.equityAfter, lang)),
          ),
        ),
      ),
      h(
        "p",
        { class: "verdict", "data-testid": "stress-verdict" },
        msg(
          lang,
          "stress.shock",
          first.appreciation,
          first.cumulativeLoss,
          first.lossToEquity,
          r.stress.breakEven,
        ),
      ),
      h(
        "p",
        { class: "note" },
        r.history
          ? msg(
              lang,
              "stress.history",
              r.history.from,
              r.history.to,
              r.history.rateFrom,
              r.history.rateTo,
              r.history.appreciation,
              r.history.total,
            )
          : msg(lang, "stress.noHistory", "missing" in r.rate ? r.rate.missing : ""),
      ),
    );
  } catch (error) {
    panel.append(errorBox(error));
  }
  return panel;
}
