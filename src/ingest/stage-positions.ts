import { closeSync, openSync, writeSync } from "node:fs";

import type { LongRow } from "../io/csv/long-positions.ts";

// A cell as RFC 4180 wants it; "" (quoted) is the empty text, nothing at all is NULL.
const text = (s: string) => (s === "" || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const nullable = (s: string) => (s === "" ? "" : text(s));

/**
 * Writes checked positions to a staged file in the store's bulk-load layout
 * (`STAGED_POSITION_COLUMNS` in src/store/sheets.ts), a few hundred kilobytes at a time, so
 * memory stays flat however long the input is.
 */
export class PositionStage {
  rows = 0;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  add(r: LongRow): void {
    const line =
      `${text(r.entity)},${text(r.date)},${text(r.item)},${nullable(r.label)},${r.side},${r.kind},` +
      `${nullable(r.parent)},${nullable(r.instrument)},${r.currency},${r.foreign},${r.maturity},` +
      `${text(r.counterparty.join(" "))},${r.interestBearing === null ? "" : r.interestBearing},` +
      `${r.value},${r.row}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    this.rows++;
    if (this.pendingChars > 1 << 16) this.flush();
  }

  /** Writes what is buffered (before the file is read back). */
  flush(): void {
    if (this.pending.length === 0 || this.fd === undefined) return;
    writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.pendingChars = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
