import { describe, expect, it } from "vitest";

import { CATALOGUE, msg, text } from "../../src/i18n/catalogue.ts";
import { defineMessages } from "../../src/i18n/define.ts";

describe("message catalogue", () => {
  it("rejects at compile time a key without Chinese, or builders of different arguments", () => {
    // These lines are checked by `npm run typecheck`: each must be a type error.
    // @ts-expect-error a key missing zh
    defineMessages({ title: { en: "Title" } });
    // @ts-expect-error the Chinese builder takes other arguments than the English one
    defineMessages({ rows: { en: (n: number) => `${n} rows`, zh: (n: string) => `${n}行` } });
    // @ts-expect-error an unknown key
    expect(() => msg("en", "web.no.such.key")).toThrow(/no message/);
    // @ts-expect-error a builder called without its argument
    void (() => msg("en", "server.bodyTooLarge"));
    expect(defineMessages({ ok: { en: "ok", zh: "好" } }).ok.zh).toBe("好");
  });

  it("every entry of every domain is written in both languages", () => {
    for (const [domain, entries] of Object.entries(CATALOGUE))
      for (const [key, entry] of Object.entries(entries as Record<string, { en: unknown; zh: unknown }>)) {
        const where = `${domain}.${key}`;
        expect(typeof entry.en, where).toBe(typeof entry.zh);
        if (typeof entry.en === "string") {
          expect(entry.en.length, where).toBeGreaterThan(0);
          expect((entry.zh as string).length, where).toBeGreaterThan(0);
        } else expect(typeof entry.en, where).toBe("function");
      }
  });

  it("looks up fixed texts and builders in both languages", () => {
    expect(msg("zh", "web.nav.compare")).toBe("央行比较");
    expect(msg("en", "server.tooManyRuns", 20, 10)).toMatch(/20 runs .* limit of 10/);
    expect(text("server.tooManyRuns", 20, 10).zh).toMatch(/20 次运行.*上限 10/);
  });
});
