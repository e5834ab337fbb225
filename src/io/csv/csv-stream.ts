import { ParseError } from "../../errors.ts";

/** The longest record a stream accepts (characters): far beyond any table's row. */
export const MAX_RECORD_CHARS = 16 * 2 ** 20;

/** Called with each record of a CSV stream and its 1-based record number (the header is record 1). */
export type OnRecord = (cells: string[], row: number) => void;

/**
 * Splits CSV text that arrives in pieces into records (the one CSV splitter: {@link parseCsv} is
 * this stream fed the whole text), holding only the unfinished record between pieces, so memory
 * does not grow with the file. Rules: a leading BOM is dropped; CRLF, LF and CR end records;
 * quoted fields hold separators, line breaks and doubled quotes; a trailing line break yields no
 * empty record, a blank line inside the file is `[""]`, so record numbers stay physical; an
 * unterminated quote is a ParseError naming file and the record it opens.
 *
 * @example
 * const reader = new CsvRecordStream("a.csv", (cells, row) => console.log(row, cells));
 * reader.push("a,b\n1,"); reader.push("2\n"); reader.end(); // 1 ["a","b"], 2 ["1","2"]
 */
export class CsvRecordStream {
  private carry = "";
  private row = 0;
  private started = false;
  private readonly delimiter: string;

  constructor(
    private readonly fileName: string,
    private readonly onRecord: OnRecord,
    delimiter = ",",
  ) {
    this.delimiter = delimiter;
  }

  /** Feeds the next piece of text. */
  push(text: string): void {
    const buf = this.joined(text);
    this.carry = buf.slice(this.consume(buf, false));
    // One unfinished record this long is an unterminated quote: refuse it before memory grows with
    // the file (and before each piece re-scans it).
    if (this.carry.length > MAX_RECORD_CHARS) {
      const row = this.row + 1;
      throw new ParseError(
        `${this.fileName}: row ${row}: one record runs on for more than ${MAX_RECORD_CHARS / 2 ** 20} MB (an unterminated quoted field? add the closing '"')`,
        { place: { file: this.fileName, row } },
      );
    }
  }

  /**
   * Ends the stream, with `last` as its final piece: the last record (without a final line break)
   * is delivered. A whole text given here is split in one pass (this is {@link parseCsv}).
   */
  end(last = ""): void {
    const buf = this.joined(last);
    this.carry = "";
    if (buf.length > 0) this.consume(buf, true);
  }

  // The unfinished record and the next piece, without the BOM of the stream's first piece.
  private joined(text: string): string {
    let buf = this.carry === "" ? text : this.carry + text;
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    return buf;
  }

  /** Records read so far. */
  get records(): number {
    return this.row;
  }

  // Delivers every complete record of `buf`; returns where the unfinished rest begins.
  private consume(buf: string, final: boolean): number {
    const d = this.delimiter;
    const n = buf.length;
    let p = 0;
    while (p < n) {
      const nl = buf.indexOf("\n", p);
      if (nl === -1 && !final) return p;
      const lineEnd = nl === -1 ? n : nl;
      const end = lineEnd > p && buf.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      const line = buf.slice(p, end);
      // Fast path: a line without quotes or stray CRs is one record, split on the delimiter.
      if (line.indexOf('"') === -1 && line.indexOf("\r") === -1) {
        this.onRecord(line.split(d), ++this.row);
        p = nl === -1 ? n : nl + 1;
        continue;
      }
      const next = this.slowRecord(buf, p, final);
      if (next === -1) return p;
      p = next;
    }
    return p;
  }

  // The general RFC 4180 state machine for one record from `p`; returns the offset
  // after the record, or -1 when the record continues past the end of `buf` (more text needed).
  private slowRecord(buf: string, p: number, final: boolean): number {
    const d = this.delimiter;
    const n = buf.length;
    const cells: string[] = [];
    let field = "";
    let inQuotes = false;
    let fieldStarted = false;
    let i = p;
    while (i < n) {
      const ch = buf[i] as string;
      if (inQuotes) {
        if (ch === '"') {
          if (i + 1 >= n && !final) return -1;
          if (buf[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          inQuotes = false;
          i++;
          continue;
        }
        const q = buf.indexOf('"', i);
        const stop = q === -1 ? n : q;
        field += buf.slice(i, stop);
        i = stop;
        continue;
      }
      if (ch === '"' && !fieldStarted) {
        inQuotes = true;
        fieldStarted = true;
        i++;
        continue;
      }
      if (ch === d) {
        cells.push(field);
        field = "";
        fieldStarted = false;
        i++;
        continue;
      }
      if (ch === "\r" || ch === "\n") {
        if (ch === "\r" && i + 1 >= n && !final) return -1;
        cells.push(field);
        this.onRecord(cells, ++this.row);
        return i + (ch === "\r" && buf[i + 1] === "\n" ? 2 : 1);
      }
      let j = i + 1;
      while (j < n) {
        const c = buf[j];
        if (c === d || c === "\r" || c === "\n" || c === '"') break;
        j++;
      }
      field += buf.slice(i, j);
      fieldStarted = true;
      i = j;
    }
    if (!final) return -1;
    if (inQuotes) {
      const row = this.row + 1;
      throw new ParseError(`${this.fileName}: row ${row}: unterminated quoted field (add the closing '"')`, {
        place: { file: this.fileName, row },
      });
    }
    cells.push(field);
    this.onRecord(cells, ++this.row);
    return n;
  }
}
