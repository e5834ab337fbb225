import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prototypeKeyIn } from "../../src/server/json-body.ts";
import { call, testServer, type ErrorAnswer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

const post = (payload: string, lang?: string) =>
  call<ErrorAnswer>(server.app, {
    method: "POST",
    url: "/api/sim/run",
    payload,
    headers: { "content-type": "application/json", ...(lang ? { "accept-language": lang } : {}) },
  });

describe("JSON bodies with prototype keys", () => {
  it("a __proto__ key is refused naming its place and why, not as invalid JSON", async () => {
    const r = await post('{"model":"pc","periods":5,"set":{"__proto__":1}}');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error: {
        code: "usage",
        message:
          "invalid body: the key at /set/__proto__ is refused: __proto__, and prototype under constructor, would change what every object inherits (rename the key or the variable)",
      },
    });
  });

  it("constructor.prototype deep in an array is refused the same way, in Chinese too", async () => {
    const body =
      '{"model":"pc","periods":5,"shocks":[{"name":"G","value":1,"constructor":{"prototype":{}}}]}';
    const en = await post(body);
    expect(en.status).toBe(400);
    expect(en.body.error.message).toMatch(
      /^invalid body: the key at \/shocks\/0\/constructor\/prototype is refused: /,
    );
    const zh = await post(body, "zh-CN");
    expect(zh.body.error).toEqual({
      code: "usage",
      message:
        "请求体无效：/shocks/0/constructor/prototype 处的键被拒绝：__proto__ 以及 constructor 下的 prototype 会改变所有对象继承的内容（请给这个键或变量改名）",
    });
  });

  it("broken JSON is still 'not valid JSON'; a plain constructor key reaches the route", async () => {
    const bad = await post('{"model":"pc","__proto__":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^request body is not valid JSON/);
    const plain = await post('{"model":"pc","periods":5,"set":{"constructor":1}}');
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toMatch(
      /^unknown parameter or exogenous variable: constructor \(known: /,
    );
    const ok = await post('{"model":"pc","periods":5}');
    expect(ok.status, JSON.stringify(ok.body).slice(0, 200)).toBe(200);
  });

  it("prototypeKeyIn finds the first such key by JSON pointer", () => {
    expect(prototypeKeyIn(JSON.parse('{"a":[1,{"b":{"__proto__":{}}}]}'))).toBe("/a/1/b/__proto__");
    expect(prototypeKeyIn(JSON.parse('{"constructor":{"x":1},"prototype":2}'))).toBeUndefined();
    expect(prototypeKeyIn([null, "x", 3])).toBeUndefined();
  });
});
