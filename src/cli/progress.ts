import type { Progress } from "../ingest/progress.ts";

/**
 * A progress bar on stderr, drawn only on a terminal and only once the work has run for more than
 * a second, so quick commands and scripts see nothing.
 */
export function progressBar(
  title: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress & { done(): void } {
  const start = Date.now();
  let drawn = false;
  const update: Progress = (done, total, label) => {
    if (!stream.isTTY || Date.now() - start < 1000) return;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    stream.write(
      `\r${title} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label}`.padEnd(100),
    );
    drawn = true;
  };
  return Object.assign(update, {
    done() {
      if (drawn) stream.write("\n");
    },
  });
}
