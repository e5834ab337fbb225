/**
 * Entry of a server worker thread: runs one task at a time as the pool sends them (see
 * worker-pool.ts) and posts back its value or its error (code, message, place).
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";

import { BslabError } from "../../errors.ts";
import { TASKS, type TaskKind } from "./tasks.ts";

// Heavy work yields the CPU to the request thread: on Linux a thread has its own nice value, and
// /proc/thread-self names this thread's id. Elsewhere the worker keeps the process's priority.
try {
  const tid = Number(/task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))?.[1]);
  if (tid > 0) setPriority(tid, 10);
} catch {
  // Not Linux, or not allowed: the request thread still gets its share.
}

const port = parentPort!;
port.on("message", (msg: { id: number; kind: TaskKind; input: never }) => {
  try {
    const value = TASKS[msg.kind](msg.input);
    port.postMessage({ id: msg.id, ok: true, value });
  } catch (error) {
    if (error instanceof BslabError)
      port.postMessage({
        id: msg.id,
        ok: false,
        code: error.code,
        message: error.text ?? error.message,
        ...(error.place ? { place: error.place } : {}),
      });
    else {
      // A bug, not bad input: the details go to the server's log, one line to the client.
      process.stderr.write(
        `bslab worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      port.postMessage({
        id: msg.id,
        ok: false,
        code: "internal",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
});
port.postMessage({ ready: true });
