// The credit gap of every BIS credit-gap economy from the bundled 2026 download (issue #17: all 44
// economies, about 9,300 quarters, in under 50 ms in process), and of half of them, against a
// baseline that only reads each economy's ratio series. Linear in the number of quarters.
import { countries, creditGap } from "../src/recession/index.ts";
import { bisFromFiles } from "../src/recession/source.ts";
import { bench } from "./lib/index.ts";

const all = countries().filter((c) => bisFromFiles(c.iso2).creditRatio);
const half = all.slice(0, Math.ceil(all.length / 2));
const quarters = (list: typeof all) =>
  list.reduce((n, c) => n + (bisFromFiles(c.iso2).creditRatio?.observations.length ?? 0), 0);
creditGap(all[0]!.iso2); // warm the file indexes (read once per process)

await bench({
  title: "credit gap, every BIS economy (bundled data)",
  sizes: [
    { label: `${half.length} economies, ${quarters(half)} quarters`, value: half },
    { label: `${all.length} economies, ${quarters(all)} quarters`, value: all },
  ],
  baseline: {
    label: "read each economy's ratio series",
    run: (list) => list.reduce((n, c) => n + (bisFromFiles(c.iso2).creditRatio?.observations.length ?? 0), 0),
  },
  cases: [{ label: "creditGap(country) for each", run: (list) => list.map((c) => creditGap(c.iso2).length) }],
});
