import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { call, testServer } from "../server/helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server?.cleanup());

describe("API errors in the reader's language", () => {
  it("answers in Chinese for ?lang=zh or Accept-Language: zh, in English otherwise", async () => {
    const en = await call(server.app, "/api/no-such-route");
    expect(en.status).toBe(404);
    expect(JSON.stringify(en.body)).toMatch(/no such endpoint/);
    const zh = await call(server.app, {
      url: "/api/no-such-route",
      headers: { "accept-language": "zh-CN,zh" },
    });
    expect(JSON.stringify(zh.body)).toMatch(/没有这个接口/);
    const q = await call(server.app, "/api/no-such-route?lang=zh");
    expect(JSON.stringify(q.body)).toMatch(/没有这个接口/);
  });
});
