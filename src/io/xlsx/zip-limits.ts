/**
 * Limits an .xlsx (a zip of XML parts) must keep before SheetJS may read it, so an upload cannot
 * blow up memory: a 1 MB zip can inflate to gigabytes (a zip bomb), a sheet can declare millions
 * of shared strings or cells, and XML can expand entities (an XML bomb). The zip's central
 * directory is read here, without a library, and every entry is inflated once with its output
 * bounded by the size the directory declares (so a lying directory is caught after at most that
 * many bytes), one entry at a time, before anything else reads the file.
 */
import { inflateRawSync } from "node:zlib";

import { DataError } from "../../errors.ts";
import { ioMessages } from "../messages.ts";

/** What an .xlsx may hold. The bundled workbooks use at most a tenth of each. */
export interface WorkbookLimits {
  /** Entries (files) in the zip. */
  entries: number;
  /** Bytes of one inflated entry. */
  entryBytes: number;
  /** Bytes of all entries inflated. */
  totalBytes: number;
  /** Strings in the shared-strings table. */
  sharedStrings: number;
  /** Cells over all sheets. */
  cells: number;
}

/** The limits of {@link checkXlsxLimits} (the largest bundled workbook, IMF PFMH: 14.9 MB, 474k cells). */
export const XLSX_LIMITS: WorkbookLimits = {
  entries: 1_000,
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 128 * 1024 * 1024,
  sharedStrings: 250_000,
  cells: 4_000_000,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Over a limit: refused. */
function refuse(file: string, why: string): never {
  throw new DataError(`${file}: workbook refused: ${why}`, { place: { file } });
}

/** Not a readable zip (cut off, damaged): said as SheetJS's own failures are. */
function damaged(file: string, why: string): never {
  throw new DataError(ioMessages.badWorkbook(file, why), { place: { file } });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/** Occurrences of `needle` in `hay` followed by one of `next` (byte values). */
function countTags(hay: Buffer, needle: string, next: readonly number[]): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length))
    if (next.includes(hay[at + needle.length] ?? -1)) n++;
  return n;
}

const SPACE_OR_CLOSE = [0x20, 0x3e, 0x09, 0x0a, 0x0d, 0x2f]; // " ", ">", tab, LF, CR, "/"

/**
 * Refuses an .xlsx that exceeds {@link XLSX_LIMITS} (or the given limits), naming the file and the
 * limit, before it is parsed: more entries, inflated bytes, shared strings or cells than allowed,
 * an entry that inflates beyond what the zip declares, a ZIP64 or encrypted archive, or XML with a
 * document type declaration (OOXML never has one; entity expansion needs one).
 * @throws DataError naming the file and the limit exceeded
 * @example checkXlsxLimits(readFileSync("book.xlsx"), "book.xlsx")
 */
export function checkXlsxLimits(bytes: Uint8Array, file: string, limits: WorkbookLimits = XLSX_LIMITS): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: the last 22 bytes, or up to 64 KiB earlier with a comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) damaged(file, "no zip central directory");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    refuse(file, "a ZIP64 archive (workbooks that large are not accepted)");
  if (count > limits.entries) refuse(file, `${count} entries, more than the limit of ${limits.entries}`);
  if (cdOffset + cdSize > eocd) damaged(file, "the zip central directory lies outside the file");

  let declaredTotal = 0;
  const entries: Array<{
    name: string;
    method: number;
    flags: number;
    size: number;
    compressed: number;
    local: number;
  }> = [];
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) damaged(file, "a damaged zip central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff)
      refuse(file, "a ZIP64 archive (workbooks that large are not accepted)");
    if (size > limits.entryBytes)
      refuse(file, `entry ${name} inflates to ${mb(size)}, more than the limit of ${mb(limits.entryBytes)}`);
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes)
      refuse(file, `its entries inflate to more than the limit of ${mb(limits.totalBytes)}`);
    entries.push({ name, method, flags, size, compressed, local });
    p += 46 + nameLen + extraLen + commentLen;
  }

  let strings = 0;
  let cells = 0;
  for (const e of entries) {
    if (e.flags & 1) refuse(file, `entry ${e.name} is encrypted`);
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL)
      damaged(file, `entry ${e.name}: a damaged zip entry`);
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    if (start + e.compressed > buf.length) damaged(file, `entry ${e.name} is cut off`);
    const raw = buf.subarray(start, start + e.compressed);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        // One byte more than declared: a stream that inflates further is caught at that byte.
        data = inflateRawSync(raw, { maxOutputLength: e.size + 1 });
      } catch (cause) {
        if (cause instanceof RangeError || (cause as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
          refuse(file, `entry ${e.name} inflates beyond the ${e.size} bytes its zip declares`);
        damaged(file, `entry ${e.name} cannot be inflated (${(cause as Error).message})`);
      }
    } else refuse(file, `entry ${e.name} uses zip compression method ${e.method} (only stored and deflate)`);
    if (data.length !== e.size)
      refuse(file, `entry ${e.name} inflates to ${data.length} bytes, not the ${e.size} its zip declares`);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    if (data.indexOf("<!DOCTYPE") >= 0 || data.indexOf("<!ENTITY") >= 0)
      refuse(file, `entry ${e.name} declares a document type or entities (an XML bomb?); OOXML has none`);
    if (/(^|\/)sharedStrings\.xml$/i.test(e.name)) {
      // Tags with a namespace prefix too (`<x:si>`, as some writers emit).
      strings += countTags(data, "<si", SPACE_OR_CLOSE) + countTags(data, ":si", SPACE_OR_CLOSE);
      if (strings > limits.sharedStrings)
        refuse(file, `more than ${limits.sharedStrings} shared strings (the limit)`);
    } else if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(e.name)) {
      cells += countTags(data, "<c", SPACE_OR_CLOSE) + countTags(data, ":c", SPACE_OR_CLOSE);
      if (cells > limits.cells) refuse(file, `more than ${limits.cells} cells (the limit)`);
    }
  }
}
