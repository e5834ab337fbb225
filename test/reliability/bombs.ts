/**
 * Hostile workbooks built at test time (never committed): a minimal .xlsx writer, a zip bomb
 * whose sheet inflates to 1 GiB from about 1 MB, the same with a zip directory that lies about the
 * size, a shared-strings bomb and an XML (entity expansion) bomb.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  /** Raw deflate data, the inflated size and its CRC-32. */
  deflated: Buffer;
  size: number;
  crc: number;
  /** Size written in the zip's headers (default: the true size). */
  declared?: number;
}

/** A deflated entry from its text. */
export function entry(name: string, text: string | Buffer): Entry {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return { name, deflated: deflateRawSync(data, { level: 1 }), size: data.length, crc: crc32(data) };
}

/** A zip of the entries (deflate, no ZIP64), as Excel writes them. */
export function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A well-formed .xlsx around the given sheet and shared strings entries. */
export function xlsx(sheet: Entry, strings: Entry): Buffer {
  return zip([
    entry("[Content_Types].xml", CONTENT_TYPES),
    entry("_rels/.rels", RELS),
    entry("xl/workbook.xml", WORKBOOK),
    entry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    sheet,
    strings,
  ]);
}

const noStrings = () =>
  entry(
    "xl/sharedStrings.xml",
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`,
  );

/** A small good workbook: one header row and two rows of numbers. */
export function goodXlsx(): Buffer {
  const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`;
  return xlsx(entry("xl/worksheets/sheet1.xml", SHEET_HEAD + rows + SHEET_TAIL), noStrings());
}

/**
 * A sheet of `mib` MiB from about mib KB of zip: 1 MiB of sheet XML deflated once with a full
 * flush (an independent, byte-aligned block) and repeated, which is still one valid deflate stream.
 */
function bombSheet(mib: number, declared?: number): Entry {
  // A row, then white space between elements (valid XML): runs deflate at its best ratio, ~1000:1.
  const row = `<row><c t="n"><v>1</v></c></row>`;
  const chunk = Buffer.from(row + " ".repeat(1024 * 1024 - row.length));
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 } as const;
  const parts = [deflateRawSync(head, flush)];
  const block = deflateRawSync(chunk, flush);
  let crc = crc32(head);
  for (let i = 0; i < mib; i++) {
    parts.push(block);
    crc = crc32(chunk, crc);
  }
  parts.push(deflateRawSync(tail));
  crc = crc32(tail, crc);
  const size = head.length + chunk.length * mib + tail.length;
  return {
    name: "xl/worksheets/sheet1.xml",
    deflated: Buffer.concat(parts),
    size,
    crc,
    ...(declared === undefined ? {} : { declared }),
  };
}

/** About 1 MB of zip whose sheet XML inflates to 1 GiB (the zip says so). */
export function zipBomb(): Buffer {
  return xlsx(bombSheet(1024), noStrings());
}

/** The same bomb with a zip directory that declares the sheet as 1 KB. */
export function lyingZipBomb(): Buffer {
  return xlsx(bombSheet(1024, 1024), noStrings());
}

/** A shared-strings table of `count` distinct strings (2 million: a zip of about 13 MB). */
export function sharedStringsBomb(count = 2_000_000): Buffer {
  const parts: string[] = [
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`,
  ];
  for (let i = 0; i < count; i++) parts.push(`<si><t>s${(i * 2654435761) % 4294967296}</t></si>`);
  parts.push("</sst>");
  const sheet = entry(
    "xl/worksheets/sheet1.xml",
    `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`,
  );
  return xlsx(sheet, entry("xl/sharedStrings.xml", parts.join("")));
}

/** Shared strings that expand an entity ten levels deep (a billion "lol"s, "billion laughs"). */
export function xmlBomb(): Buffer {
  let dtd = `<!DOCTYPE sst [<!ENTITY lol0 "lol">`;
  for (let i = 1; i <= 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  dtd += "]>";
  const sst = `<?xml version="1.0"?>${dtd}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol10;</t></si></sst>`;
  const sheet = entry(
    "xl/worksheets/sheet1.xml",
    `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`,
  );
  return xlsx(sheet, entry("xl/sharedStrings.xml", sst));
}
