import { ParseError } from "../../../src/errors.ts";

/**
 * A second, independent CSV splitter for property tests: the character-by-character RFC 4180
 * state machine parseCsv used before it became CsvRecordStream fed the whole text. Kept only as
 * the oracle the stream is compared with.
 */
export function referenceCsv(
  text: string,
  options: { fileName?: string; delimiter?: string } = {},
): string[][] {
  const fileName = options.fileName ?? "<input>";
  const delimiter = options.delimiter ?? ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let inQuotes = false;
  let quoteStartRow = 0;
  let fieldStarted = false;
  while (i < n) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Copy a run of ordinary characters at once: much faster than char-by-char concatenation.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      quoteStartRow = rows.length + 1;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = "";
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStarted = false;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    // Unquoted run up to the next special character.
    let j = i + 1;
    while (j < n) {
      const c = text[j];
      if (c === delimiter || c === "\r" || c === "\n" || c === '"') break;
      j++;
    }
    field += text.slice(i, j);
    fieldStarted = true;
    i = j;
  }
  if (inQuotes)
    throw new ParseError(
      `${fileName}: row ${quoteStartRow}: unterminated quoted field (add the closing '"')`,
      {
        place: { file: fileName, row: quoteStartRow },
      },
    );
  if (fieldStarted || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
