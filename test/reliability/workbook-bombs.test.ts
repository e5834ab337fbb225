import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { readWorkbook } from "../../src/io/xlsx/read-workbook.ts";
import { checkXlsxLimits, XLSX_LIMITS } from "../../src/io/xlsx/zip-limits.ts";
import { startServer, type ServerProcess } from "../helpers/server-process.ts";
import { goodXlsx, lyingZipBomb, sharedStringsBomb, xmlBomb, zipBomb } from "./bombs.ts";

// Built once: the shared-strings bomb takes a few seconds to make.
const BOMBS = {
  zip: zipBomb(),
  lying: lyingZipBomb(),
  xml: xmlBomb(),
  strings: sharedStringsBomb(),
};

const MESSAGES = {
  zip: "zip.xlsx: workbook refused: entry xl/worksheets/sheet1.xml inflates to 1024 MB, more than the limit of 64 MB",
  lying:
    "lying.xlsx: workbook refused: entry xl/worksheets/sheet1.xml inflates beyond the 1024 bytes its zip declares",
  xml: "xml.xlsx: workbook refused: entry xl/sharedStrings.xml declares a document type or entities (an XML bomb?); OOXML has none",
  strings: "strings.xlsx: workbook refused: more than 250000 shared strings (the limit)",
} as const;

describe("workbook limits, before SheetJS inflates anything", () => {
  it("the bombs are what they say: ~1 MB inflating to 1 GiB, ~13 MB of 2 million strings", () => {
    expect(BOMBS.zip.length).toBeLessThan(1.2e6);
    expect(BOMBS.strings.length).toBeGreaterThan(10e6);
    expect(BOMBS.strings.length).toBeLessThan(16e6);
  });

  for (const name of Object.keys(BOMBS) as Array<keyof typeof BOMBS>)
    it(`${name} bomb: refused naming the limit`, () => {
      expect(() => checkXlsxLimits(BOMBS[name], `${name}.xlsx`)).toThrow(MESSAGES[name]);
      expect(() => readWorkbook(BOMBS[name], `${name}.xlsx`)).toThrow(MESSAGES[name]);
    });

  it("a well-formed small workbook passes and reads", () => {
    expect(() => checkXlsxLimits(goodXlsx(), "good.xlsx")).not.toThrow();
    expect(readWorkbook(goodXlsx(), "good.xlsx").sheet().rows).toEqual([["x"], [1]]);
  });

  it("entry, cell and size limits are enforced as stated", () => {
    const tight = { ...XLSX_LIMITS, entries: 5 };
    expect(() => checkXlsxLimits(goodXlsx(), "g.xlsx", tight)).toThrow(
      "g.xlsx: workbook refused: 6 entries, more than the limit of 5",
    );
    expect(() => checkXlsxLimits(goodXlsx(), "g.xlsx", { ...XLSX_LIMITS, cells: 1 })).toThrow(
      "g.xlsx: workbook refused: more than 1 cells (the limit)",
    );
    expect(() => checkXlsxLimits(goodXlsx(), "g.xlsx", { ...XLSX_LIMITS, totalBytes: 1000 })).toThrow(
      "g.xlsx: workbook refused: its entries inflate to more than the limit of 0.00 MB",
    );
  });
});

describe("the server refuses bombs with bounded memory", () => {
  let server: ServerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bslab-bombs-"));
    copyFileSync(inject("templateDb"), join(dir, "db.duckdb"));
    server = await startServer(join(dir, "db.duckdb"));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Resets the process's peak resident memory (Linux), so the next peak is this upload's. */
  const resetPeak = () => writeFileSync(`/proc/${server.child.pid}/clear_refs`, "5");

  // The zip and XML bombs are refused from the zip directory or the first tag: under 300 MB. The
  // strings bomb is refused after its 13 MB are inflated and counted on the import worker (a
  // thread of its own since uploads parse off the request thread): 310 MB measured, bound 400 MB.
  const BOUND_MB: Record<keyof typeof BOMBS, number> = { zip: 300, lying: 300, xml: 300, strings: 400 };
  it("each bomb is a 400 naming its limit, the store is unchanged, and RSS stays within its bound", async () => {
    const datasets = async () => (await fetch(`${server.base}/api/datasets`)).text();
    const before = await datasets();
    const peaks: Record<string, number> = {};
    for (const name of Object.keys(BOMBS) as Array<keyof typeof BOMBS>) {
      resetPeak();
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(BOMBS[name])]), `${name}.xlsx`);
      const res = await fetch(`${server.base}/api/imports`, {
        method: "POST",
        body: form,
        headers: { "x-bslab-client": "test" },
      });
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(body.error).toMatchObject({ code: "data", message: MESSAGES[name] });
      peaks[name] = server.rss()!.peak;
    }
    expect(await datasets()).toBe(before);
    console.info(`peak server RSS while refusing each bomb (MB): ${JSON.stringify(peaks)}`);
    for (const name of Object.keys(BOMBS) as Array<keyof typeof BOMBS>)
      expect(peaks[name], `${name}: peak RSS ${peaks[name]} MB`).toBeLessThan(BOUND_MB[name]);
  });
});
