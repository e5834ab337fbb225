import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const DIR = "test/fixtures/publisher-responses";

/**
 * What the replay server answers, by request path and query: the publishers' real recorded
 * responses (test/fixtures/publisher-responses/SOURCES.md), with the status they were recorded with.
 */
const ROUTES: Record<string, { file: string; status: number; type: string }> = {
  "/graph/fredgraph.csv?id=WALCL": {
    file: "fred/fredgraph_WALCL_DATE-header_20201129_tungduong4920.csv",
    status: 200,
    type: "text/csv",
  },
  "/graph/fredgraph.csv?id=FEDFUNDS,MORTGAGE30US": {
    file: "fred/fredgraph_FEDFUNDS_MORTGAGE30US_observation_date-header_ttamura01.csv",
    status: 200,
    type: "text/csv",
  },
  "/service/data/ILM/W.U2.C.A050200.U2.EUR?format=jsondata": {
    file: "ecb/ilm_ltro_last6_20260929.json",
    status: 200,
    type: "application/json",
  },
  "/service/data/ILM/M.U2.C.LT3.U2.EUR?format=jsondata": {
    file: "ecb/ilm_old_tltro_key_404_20260929.json",
    status: 404,
    type: "application/problem+json",
  },
  "/api/v1/data/WS_CBPOL/M.CH/all": {
    file: "bis/bis_sdmx_WS_CBPOL_genericdata_bbk_bis-data.xml",
    status: 200,
    type: "application/vnd.sdmx.genericdata+xml",
  },
  "/api/v1/getDataCode?format=json&lang=en&db=FM08&code=FXERD01": {
    file: "boj/boj_api_getDataCode_FM08_FXERD01_bbk_boj-data.json",
    status: 200,
    type: "application/json",
  },
};

/** A local HTTP server on 127.0.0.1 replaying the recorded responses; `base` is its origin. */
export async function startReplayServer(): Promise<{
  base: string;
  requests: string[];
  close: () => Promise<void>;
}> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "";
    requests.push(url);
    const route = Object.hasOwn(ROUTES, url) ? ROUTES[url] : undefined;
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no recorded response for ${url}`);
      return;
    }
    res.writeHead(route.status, { "content-type": route.type }).end(readFileSync(`${DIR}/${route.file}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
