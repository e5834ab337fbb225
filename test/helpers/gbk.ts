// Text as GBK bytes (what Excel writes on Chinese Windows), for tests: Node decodes GBK but has no
// encoder, so the two-byte table is built once by decoding every two-byte code.
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const d = new TextDecoder("gbk");
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = d.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [a, b]);
    }
  return table;
}

/** `text` encoded as GBK; ASCII stays one byte. Throws on a character GBK lacks. */
export function encode(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const pair = gbkTable().get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}
