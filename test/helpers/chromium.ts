/**
 * Finding the Chromium the browser tests drive (playwright-core ships no browser): CHROMIUM_PATH,
 * else the first of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on
 * PATH. `npm test` runs this file first (pretest): when none is found and the user is root with
 * apt, it installs Debian's chromium and a CJK font (fonts-wqy-zenhei, so the Chinese pages render
 * in screenshots), as a fresh CI machine needs; otherwise it stops with one line saying how.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The executable names tried on PATH, in order. */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** The Debian packages installed when Chromium or a CJK font is missing. */
export const DEBIAN_PACKAGES = ["chromium", "fonts-wqy-zenhei"];

const HOW =
  "install Chromium (Debian/Ubuntu: apt-get install chromium fonts-wqy-zenhei) or set CHROMIUM_PATH to a Chromium or Chrome executable";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to use, or undefined when there is none.
 * @throws when CHROMIUM_PATH is set but names no executable file (a typo should not fall back silently)
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (isExecutable(given)) return given;
    throw new Error(`CHROMIUM_PATH=${given} is not an executable file: ${HOW}`);
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter((d) => d !== "");
  for (const name of CHROMIUM_NAMES)
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  return undefined;
}

/** The Chromium for a browser test's `chromium.launch({ executablePath })`; one-line error when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = findChromium(env);
  if (path === undefined)
    throw new Error(`no Chromium found (CHROMIUM_PATH, or ${CHROMIUM_NAMES.join(", ")} on PATH): ${HOW}`);
  return path;
}

/** What {@link ensureChromium} may use of the machine (replaced in its tests). */
export interface Machine {
  env: NodeJS.ProcessEnv;
  isRoot: boolean;
  /** Whether `apt-get` is on PATH. */
  hasApt: boolean;
  /** Whether a CJK font is installed (fc-list lists WenQuanYi). */
  hasCjkFont: () => boolean;
  /** Runs a command, returning its exit status. */
  run: (command: string, args: string[]) => number;
}

const onPath = (name: string, env: NodeJS.ProcessEnv) =>
  (env.PATH ?? "").split(delimiter).some((d) => d !== "" && isExecutable(join(d, name)));

/** This machine, for {@link ensureChromium}. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  return {
    env,
    isRoot: process.getuid?.() === 0,
    hasApt: onPath("apt-get", env),
    hasCjkFont: () => /wqy|wenquanyi/i.test(spawnSync("fc-list", { encoding: "utf8" }).stdout ?? ""),
    run: (command, args) =>
      spawnSync(command, args, {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
      }).status ?? 1,
  };
}

/**
 * Makes sure the browser tests can run: returns the Chromium to use, installing Debian's chromium
 * and fonts-wqy-zenhei first when Chromium (or the CJK font) is missing and this is root with apt.
 * A missing font without root only warns (the tests run; Chinese text renders as boxes).
 * @throws one line saying how to get Chromium, when it is missing and cannot be installed here
 */
export function ensureChromium(machine: Machine = thisMachine()): {
  path: string;
  installed: boolean;
  warning?: string;
} {
  const found = findChromium(machine.env);
  const font = machine.hasCjkFont();
  if (found !== undefined && font) return { path: found, installed: false };
  const canInstall = machine.isRoot && machine.hasApt && machine.env.CHROMIUM_PATH === undefined;
  if (!canInstall) {
    if (found !== undefined)
      return {
        path: found,
        installed: false,
        warning: "no CJK font (fonts-wqy-zenhei): Chinese text in screenshots will not render",
      };
    throw new Error(`no Chromium found for the browser tests: ${HOW}`);
  }
  const apt = (...args: string[]) => machine.run("apt-get", args);
  if (
    apt("update", "-qq") !== 0 ||
    apt("install", "-y", "-qq", "--no-install-recommends", ...DEBIAN_PACKAGES) !== 0
  )
    throw new Error(`apt-get install ${DEBIAN_PACKAGES.join(" ")} failed: ${HOW}`);
  const path = findChromium(machine.env);
  if (path === undefined)
    throw new Error(`apt-get installed ${DEBIAN_PACKAGES.join(" ")} but no Chromium is on PATH: ${HOW}`);
  return { path, installed: true };
}

// `npm test` runs this file before anything else (pretest).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = ensureChromium();
    if (r.installed)
      process.stdout.write(`installed ${DEBIAN_PACKAGES.join(" ")}: browser tests use ${r.path}\n`);
    if (r.warning) process.stderr.write(`warning: ${r.warning}\n`);
  } catch (error) {
    process.stderr.write(`npm test: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
