import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";

import { BslabError, DataError } from "../errors.ts";
import { CsvRecordStream } from "../io/csv/csv-stream.ts";
import { duplicatePositionMessage } from "../io/csv/long-positions.ts";
import type { ImportContext, Mapping, PositionRowReader } from "../io/mappings/index.ts";
import { ioMessages } from "../io/messages.ts";
import { type TextEncoding, TextStreamDecoder } from "../io/text/decode.ts";
import { firstStagedDuplicate, type SheetHead } from "../store/sheets.ts";
import { PositionStage } from "./stage-positions.ts";

/** A file of positions read in one pass and staged for the store's bulk load. */
export interface StreamedPositions {
  /** The staged file (see `STAGED_POSITION_COLUMNS`). */
  path: string;
  rows: number;
  sheets: SheetHead[];
  entities: Map<string, string>;
  sha256: string;
  encoding: TextEncoding;
}

/** Bytes read per piece: large enough for DuckDB-like throughput, small enough to keep memory flat. */
const PIECE_BYTES = 1 << 20;

// A failure inside a reader that is not one of ours (a library error) still names the file.
function named(file: string, error: unknown): BslabError {
  if (error instanceof BslabError) return error;
  const why = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  return new DataError(ioMessages.parseFailedIn(file, `cannot read: ${why}`), {
    cause: error,
    place: { file },
  });
}

/** The message of the first duplicated position of a staged file, if any (before `beforeRow`). */
export async function stagedDuplicateError(
  path: string,
  file: string,
  beforeRow?: number,
): Promise<DataError | undefined> {
  const dup = await firstStagedDuplicate(path, beforeRow);
  if (!dup) return undefined;
  return new DataError(duplicatePositionMessage(file, dup.row, dup.item, dup.entity, dup.date), {
    place: { file, row: dup.row, column: "item" },
  });
}

/**
 * Reads a positions file (path on disk, shown as `file`) in one pass of 1 MiB pieces: decodes it
 * (UTF-8, else GB18030), splits records, checks every row with the layout's row reader and writes
 * the checked rows to a staged file in `dir`. Memory holds one piece and one entry per sheet.
 *
 * The first problem reported is the one the whole-file import reports: an encoding or quoting
 * error anywhere, then a row shorter than the header anywhere, then the first bad row or
 * duplicated position, then a sheet that does not balance; so after a bad row the rest of the file
 * is still scanned (for those that come first), without checking or staging it.
 */
export async function streamPositions(
  path: string,
  file: string,
  mapping: Mapping & { rows: NonNullable<Mapping["rows"]> },
  ctx: ImportContext,
  dir: string,
): Promise<StreamedPositions> {
  const hash = createHash("sha256");
  const decoder = new TextStreamDecoder(file);
  const stage = new PositionStage(join(dir, "positions.csv"));
  let reader: PositionRowReader | undefined;
  let width = 0;
  let firstError: BslabError | undefined;
  let errorRow = Number.MAX_SAFE_INTEGER;
  let short: { row: number; cells: number } | undefined;
  const csv = new CsvRecordStream(file, (cells, row) => {
    if (row === 1) {
      width = cells.length;
      try {
        reader = mapping.rows(cells, ctx);
      } catch (error) {
        firstError = named(file, error);
        errorRow = 1;
      }
      return;
    }
    const blank = cells.length === 1 && cells[0]!.trim() === "";
    if (!blank && cells.length < width && !short) short = { row, cells: cells.length };
    if (firstError || short) return;
    try {
      const r = reader!.read(cells, row);
      if (r) stage.add(r);
    } catch (error) {
      firstError = named(file, error);
      errorRow = row;
    }
  });
  const fd = openSync(path, "r");
  try {
    const piece = Buffer.allocUnsafe(PIECE_BYTES);
    for (;;) {
      const n = readSync(fd, piece, 0, PIECE_BYTES, null);
      if (n === 0) break;
      const bytes = piece.subarray(0, n);
      hash.update(bytes);
      csv.push(decoder.decode(bytes));
    }
    csv.push(decoder.decode(new Uint8Array(0), true));
    csv.end();
  } finally {
    closeSync(fd);
    stage.close();
  }
  if (short)
    throw new DataError(ioMessages.truncatedRow({ file, row: short.row }, short.cells, width), {
      place: { file, row: short.row },
    });
  if (firstError) throw (await stagedDuplicateError(stage.path, file, errorRow)) ?? firstError;
  try {
    reader!.finish();
  } catch (error) {
    throw (await stagedDuplicateError(stage.path, file)) ?? named(file, error);
  }
  return {
    path: stage.path,
    rows: stage.rows,
    sheets: [...reader!.sheets.values()].map(({ entity, date, unit }) => ({ entity, date, unit })),
    entities: reader!.homeCurrency,
    sha256: hash.digest("hex"),
    encoding: decoder.encoding ?? "utf-8",
  };
}
