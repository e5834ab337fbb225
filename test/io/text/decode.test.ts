import { describe, expect, it } from "vitest";

import { decodeText, TextStreamDecoder } from "../../../src/io/text/decode.ts";

// 你好 in GBK (what Excel writes on Chinese Windows) and 单位：亿元 for a PBoC-style unit line.
const NIHAO_GBK = [0xc4, 0xe3, 0xba, 0xc3];

function inPieces(bytes: Uint8Array, size: number, file = "f.csv"): { text: string; encoding?: string } {
  const d = new TextStreamDecoder(file);
  let text = "";
  for (let at = 0; at < bytes.length; at += size) text += d.decode(bytes.subarray(at, at + size));
  text += d.decode(new Uint8Array(0), true);
  return { text, ...(d.encoding ? { encoding: d.encoding } : {}) };
}

describe("TextStreamDecoder", () => {
  it("reads UTF-8 and names it; a BOM is dropped", () => {
    expect(decodeText(Buffer.from("\ufeffa,系列\n1,2\n"), "f.csv")).toEqual({
      text: "a,系列\n1,2\n",
      encoding: "utf-8",
    });
  });

  it("reads GBK/GB18030 when the first non-ASCII bytes are not UTF-8 but a GBK character", () => {
    const bytes = Buffer.concat([Buffer.from("date,"), Buffer.from(NIHAO_GBK), Buffer.from("\n2013,1\n")]);
    expect(decodeText(bytes, "f.csv")).toEqual({ text: "date,你好\n2013,1\n", encoding: "gb18030" });
  });

  it("gives the same text whatever the pieces, a character cut between two pieces included", () => {
    const utf8 = Buffer.from("id,名称\n" + "x,中文\n".repeat(50));
    const gbk = Buffer.concat(Array.from({ length: 50 }, () => Buffer.from([...NIHAO_GBK, 0x0a])));
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(inPieces(utf8, size)).toEqual({ text: utf8.toString("utf8"), encoding: "utf-8" });
      expect(inPieces(gbk, size)).toEqual({ text: "你好\n".repeat(50), encoding: "gb18030" });
    }
  });

  it("ASCII only: the encoding stays undecided and the text is the bytes", () => {
    expect(inPieces(Buffer.from("a,b\n1,2\n"), 3)).toEqual({ text: "a,b\n1,2\n" });
  });

  it("a Latin-1 accent among ASCII is refused, naming row, byte and the likely encoding", () => {
    expect(() => decodeText(Buffer.from([0x61, 0x0a, 0x5a, 0xfc, 0x72, 0x0a]), "f.csv")).toThrow(
      "f.csv: row 2: byte 3: not valid UTF-8 text; the bytes look like Latin-1/Windows-1252 (save it as UTF-8; GBK/GB18030 and Latin-1 exports must be converted, e.g. iconv -f GBK -t UTF-8)",
    );
  });

  it("a file read as UTF-8 that breaks in a later piece names the right row and byte", () => {
    const bytes = Buffer.concat([Buffer.from("a,é\n" + "1,2\n".repeat(10)), Buffer.from([0xff, 0x0a])]);
    expect(() => inPieces(bytes, 4)).toThrow(/^f\.csv: row 12: byte 45: not valid UTF-8 text/);
  });

  it("a file read as GB18030 that breaks later is refused as not GB18030, naming row and byte", () => {
    const bytes = Buffer.from([...NIHAO_GBK, 0x0a, 0x31, 0x0a, 0xff, 0x0a]);
    expect(() => decodeText(bytes, "f.csv")).toThrow(
      "f.csv: row 3: byte 7: not valid GB18030 text (the file was read as GB18030/GBK because its first non-ASCII bytes are not UTF-8; save it as UTF-8)",
    );
  });
});
