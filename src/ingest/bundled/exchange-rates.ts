import { pbocMonthly } from "../../io/mappings/positions.ts";
import { type BundledDataset, text } from "./dataset.ts";

const FILE = "pboc-monetary-authority/twk2022_csv/cny_exchange_rate_end_period_2008_2022.csv";

/** Id of the stored CNY-per-USD series (end of month), for the revaluation stress. */
export const CNY_PER_USD = "PBOC/cny_exchange_rate_end_period/一美元折合人民币(期末数)";

/**
 * The PBoC's end-of-month exchange rates 2008-01..2022-12 (CNY per SDR and per USD, the TWK2022
 * extract of the PBoC's 汇率 table), as series of entity CN: what the revaluation stress reads to
 * price the historical book losses on the PBoC's foreign-currency position.
 */
export const EXCHANGE_RATES_BUNDLED: BundledDataset = {
  id: "pboc-exchange-rates",
  title: "PBoC exchange rates (汇率): CNY per SDR and per USD, end of month, 2008-01..2022-12",
  publisher: "People's Bank of China, Survey and Statistics Department",
  origin: "TWK2022/TimeSeriesForecasting CSV (dataset/), see data/SOURCES.md (pboc-monetary-authority/)",
  vintage: "2023-06-03",
  licence: "PBoC public statistics; no licence stated by the redistributing repository",
  restricted: false,
  files: [FILE],
  read(dir) {
    const parsed = pbocMonthly.read(text(dir, FILE), {
      file: `data/${FILE}`,
      dataset: this.id,
      homeCurrencies: new Map(),
      today: this.vintage,
    });
    return { series: parsed.series.map((s) => ({ ...s, dataset: this.id, vintage: this.vintage })) };
  },
};
