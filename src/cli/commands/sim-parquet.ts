/**
 * Writing sweep rows as Parquet through an in-memory DuckDB (no store involved): the rows go to a
 * temporary CSV with typed columns, and DuckDB's COPY writes the Parquet file. Numbers are DOUBLE,
 * the reason column VARCHAR; a failed run's outputs are NULL.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { duckdb } from "../../store/duckdb.ts";

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * @param csv the rows as CSV with a header (empty cells for nulls)
 * @param columns the header's column names, in order
 * @param text the names of the columns that hold text (the rest are numbers)
 * @param path the Parquet file to write (replaced if it exists)
 */
export async function writeParquet(
  csv: string,
  columns: readonly string[],
  text: ReadonlySet<string>,
  path: string,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bslab-parquet-"));
  const instance = await duckdb().DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const source = join(dir, "rows.csv");
    writeFileSync(source, csv);
    const types = columns.map((c) => `${quote(c)}: ${quote(text.has(c) ? "VARCHAR" : "DOUBLE")}`).join(", ");
    const select = columns.map(ident).join(", ");
    await connection.run(
      `COPY (SELECT ${select} FROM read_csv(${quote(source)}, header = true, auto_detect = false, ` +
        `columns = {${types}}, nullstr = '')) TO ${quote(resolve(path))} (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
