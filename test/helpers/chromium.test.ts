// The browser tests' Chromium finder and the pretest install step, on simulated machines: fake
// executables in a temporary PATH, and a recorded apt-get instead of a real one.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { chromiumPath, ensureChromium, findChromium, type Machine } from "./chromium.ts";

const root = mkdtempSync(join(tmpdir(), "bslab-chromium-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding executables named `names` (empty scripts). */
function binDir(name: string, ...names: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const n of names) {
    writeFileSync(join(dir, n), "#!/bin/sh\n");
    chmodSync(join(dir, n), 0o755);
  }
  return dir;
}

const empty = binDir("empty");
const HOW =
  "install Chromium (Debian/Ubuntu: apt-get install chromium fonts-wqy-zenhei) or set CHROMIUM_PATH to a Chromium or Chrome executable";

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first", () => {
    const dir = binDir("given", "my-chrome", "chromium");
    expect(findChromium({ CHROMIUM_PATH: join(dir, "my-chrome"), PATH: dir })).toBe(join(dir, "my-chrome"));
  });

  it("rejects a CHROMIUM_PATH that is not an executable file, in one line", () => {
    const missing = join(root, "nope", "chromium");
    expect(() => findChromium({ CHROMIUM_PATH: missing, PATH: empty })).toThrow(
      new Error(`CHROMIUM_PATH=${missing} is not an executable file: ${HOW}`),
    );
    const plain = join(binDir("plain"), "chromium");
    writeFileSync(plain, "not executable");
    expect(() => findChromium({ CHROMIUM_PATH: plain })).toThrow(/is not an executable file/);
  });

  it("searches PATH for chromium, chromium-browser, google-chrome in that order", () => {
    const a = binDir("a", "google-chrome");
    const b = binDir("b", "chromium-browser");
    expect(findChromium({ PATH: [empty, a, b].join(":") })).toBe(join(b, "chromium-browser"));
    expect(findChromium({ PATH: [empty, a].join(":") })).toBe(join(a, "google-chrome"));
  });

  it("finds nothing on a PATH without Chromium, and chromiumPath says how to get it", () => {
    expect(findChromium({ PATH: empty })).toBeUndefined();
    expect(() => chromiumPath({ PATH: empty })).toThrow(
      new Error(
        `no Chromium found (CHROMIUM_PATH, or chromium, chromium-browser, google-chrome, google-chrome-stable on PATH): ${HOW}`,
      ),
    );
  });
});

describe("ensureChromium (npm test's pretest)", () => {
  /** A machine without Chromium whose apt-get "installs" it by creating the executable. */
  function machine(
    over: Partial<Machine> & { fontAfterInstall?: boolean } = {},
  ): Machine & { calls: string[] } {
    const dir = binDir(`m-${Math.random().toString(36).slice(2)}`);
    const calls: string[] = [];
    let font = false;
    return {
      env: { PATH: dir },
      isRoot: true,
      hasApt: true,
      hasCjkFont: () => font,
      run: (command, args) => {
        calls.push([command, ...args].join(" "));
        if (args[0] === "install") {
          binDir(dir.slice(root.length + 1), "chromium");
          font = true;
        }
        return 0;
      },
      calls,
      ...over,
    };
  }

  it("as root with apt: installs Debian's chromium and fonts-wqy-zenhei, then finds it", () => {
    const m = machine();
    const r = ensureChromium(m);
    expect(m.calls).toEqual([
      "apt-get update -qq",
      "apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei",
    ]);
    expect(r).toEqual({ path: join(m.env.PATH!, "chromium"), installed: true });
  });

  it("without root: stops in one line saying how, and installs nothing", () => {
    const m = machine({ isRoot: false });
    expect(() => ensureChromium(m)).toThrow(new Error(`no Chromium found for the browser tests: ${HOW}`));
    expect(m.calls).toEqual([]);
  });

  it("without apt: stops in one line too", () => {
    const m = machine({ hasApt: false });
    expect(() => ensureChromium(m)).toThrow(/^no Chromium found for the browser tests: install Chromium/);
    expect(m.calls).toEqual([]);
  });

  it("a failed apt-get is one line naming the packages", () => {
    const m = machine({ run: () => 100 });
    expect(() => ensureChromium(m)).toThrow(
      new Error(`apt-get install chromium fonts-wqy-zenhei failed: ${HOW}`),
    );
  });

  it("Chromium and font present: nothing to do", () => {
    const dir = binDir("ready", "chromium");
    const m = machine({ env: { PATH: dir }, hasCjkFont: () => true });
    expect(ensureChromium(m)).toEqual({ path: join(dir, "chromium"), installed: false });
    expect(m.calls).toEqual([]);
  });

  it("Chromium without the CJK font and no root: runs, with a warning", () => {
    const dir = binDir("nofont", "chromium");
    const m = machine({ env: { PATH: dir }, isRoot: false });
    expect(ensureChromium(m)).toMatchObject({
      path: join(dir, "chromium"),
      installed: false,
      warning: expect.stringMatching(/CJK font/),
    });
    expect(m.calls).toEqual([]);
  });
});
