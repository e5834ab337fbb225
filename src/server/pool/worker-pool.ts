/**
 * A small pool of worker threads for the server's heavy requests (sweeps, the recession evaluation,
 * parsing an uploaded file), so the request thread keeps answering health checks and reads while
 * they run. Tasks wait in a bounded queue; each has a time budget counted from the moment it was
 * asked for, and a task over budget (or whose client went away) ends its worker, which is started
 * afresh for the next task: a computation cannot be interrupted any other way.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

import { BslabError, type ErrorCode, type Place } from "../../errors.ts";
import { HttpError } from "../http-errors.ts";
import { text } from "../../i18n/catalogue.ts";
import type { Text } from "../../i18n/lang.ts";
import type { TaskInput, TaskKind, TaskOutput } from "./tasks.ts";
import type { WorkerScript } from "./worker-script.ts";

/** Options of {@link WorkerPool}. */
export interface PoolOptions {
  /** Threads running tasks at once. */
  size: number;
  /** Tasks waiting beyond the running ones; one more is refused with 503. */
  queue: number;
  /** Heap limits of each worker (an over-limit worker ends; its task fails with 413). */
  resourceLimits?: ResourceLimits;
  /** Idle workers end after this many milliseconds (they start again on demand). */
  idleMs?: number;
}

/** What a worker posts back. */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: ErrorCode; message: string | Text; place?: Place }
  | { id: number; ok: false; code: "internal"; message: string };

interface Task {
  id: number;
  kind: TaskKind;
  input: unknown;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
  budgetMs: number;
  slot?: Slot;
  cleanup: () => void;
}

interface Slot {
  worker: Worker;
  /** True once the worker listens for tasks. */
  ready: boolean;
  task: Task | undefined;
  idle: NodeJS.Timeout | undefined;
}

/** Options of one {@link WorkerPool.run}. */
export interface RunOptions {
  /** Milliseconds from now within which the answer must be ready (queueing included). */
  budgetMs: number;
  /** Aborted when the client went away: the task is dropped (its worker ended when running). */
  signal?: AbortSignal;
  /** Buffers handed to the worker without copying. */
  transfer?: ArrayBuffer[];
}

export class WorkerPool {
  private readonly script: () => Promise<WorkerScript>;
  private readonly options: PoolOptions;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;
  private resolved: WorkerScript | undefined;
  private resolving: Promise<WorkerScript> | undefined;

  constructor(script: () => Promise<WorkerScript>, options: PoolOptions) {
    this.script = script;
    this.options = options;
  }

  /** Tasks running and waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.task).length, waiting: this.waiting.length };
  }

  /**
   * Runs a task in a worker.
   * @throws HttpError 503 `busy` when the queue is full, 503 `timeout` over budget, 413 when the
   * worker ran out of memory; the task's own BslabError as it was thrown
   */
  run<K extends TaskKind>(kind: K, input: TaskInput<K>, options: RunOptions): Promise<TaskOutput<K>> {
    if (this.closed) return Promise.reject(new HttpError(503, "busy", text("server.shuttingDown")));
    const running = this.slots.filter((s) => s.task).length;
    if (running + this.waiting.length >= this.options.size + this.options.queue)
      return Promise.reject(new HttpError(503, "busy", text("server.poolBusy", this.options.size)));
    return new Promise<TaskOutput<K>>((resolve, reject) => {
      const onAbort = () => this.cancel(task, new HttpError(499, "cancelled", text("server.cancelled")));
      const task: Task = {
        id: this.nextId++,
        kind,
        input,
        transfer: options.transfer ?? [],
        resolve: resolve as (value: unknown) => void,
        reject,
        budgetMs: options.budgetMs,
        timer: setTimeout(
          () => this.cancel(task, new HttpError(503, "timeout", text("server.overBudget", options.budgetMs))),
          options.budgetMs,
        ),
        cleanup: () => {
          clearTimeout(task.timer);
          options.signal?.removeEventListener("abort", onAbort);
        },
      };
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(task);
      void this.dispatch();
    });
  }

  /** Ends every worker; waiting tasks fail with 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0))
      this.settle(t, new HttpError(503, "busy", text("server.shuttingDown")));
    await Promise.all(this.slots.splice(0).map((s) => this.end(s)));
  }

  private async dispatch(): Promise<void> {
    if (!this.resolved) {
      this.resolving ??= this.script();
      this.resolved = await this.resolving;
    }
    // Synchronous from here: no other dispatch can interleave between the checks and the spawn.
    while (this.waiting.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => s.ready && !s.task);
      if (!slot) {
        if (this.slots.length < this.options.size) this.spawn(this.resolved);
        return;
      }
      const task = this.waiting.shift()!;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = undefined;
      slot.task = task;
      task.slot = slot;
      slot.worker.postMessage({ id: task.id, kind: task.kind, input: task.input }, task.transfer);
    }
  }

  private spawn(script: WorkerScript): void {
    const worker = new Worker(script.url, {
      ...(script.execArgv ? { execArgv: script.execArgv } : {}),
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, task: undefined, idle: undefined };
    this.slots.push(slot);
    worker.on("message", (reply: WorkerReply | { ready: true }) => {
      if ("ready" in reply) {
        slot.ready = true;
        this.park(slot);
        void this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = undefined;
      if (reply.ok) this.settle(task, undefined, reply.value);
      else if (reply.code === "internal")
        // A bug, not bad input: one line of text, as the error handler answers any other.
        this.settle(task, new HttpError(500, "internal", text("server.internalHidden", "worker")));
      else
        this.settle(
          task,
          new BslabError(reply.code, reply.message, reply.place ? { place: reply.place } : {}),
        );
      this.park(slot);
      void this.dispatch();
    });
    const fail = (error: unknown) => {
      if (!this.slots.includes(slot)) return;
      this.forget(slot);
      if (!slot.ready) {
        // It never started (a broken bundle): say so to everyone waiting instead of retrying forever.
        const why = text("server.internal", error instanceof Error ? error.message : String(error));
        for (const t of this.waiting.splice(0)) this.settle(t, new HttpError(500, "internal", why));
        return;
      }
      const task = slot.task;
      slot.task = undefined;
      if (task) {
        const oom = error instanceof Error && "code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY";
        this.settle(
          task,
          oom
            ? new HttpError(
                413,
                "too-large",
                text("server.outOfMemory", this.options.resourceLimits?.maxOldGenerationSizeMb ?? 0),
              )
            : new HttpError(
                500,
                "internal",
                text("server.internal", error instanceof Error ? error.message : String(error)),
              ),
        );
      }
      void this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  /** Keeps an idle worker for the next task, for a while. */
  private park(slot: Slot): void {
    const ms = this.options.idleMs ?? 30_000;
    slot.idle = setTimeout(() => {
      if (slot.task) return;
      this.forget(slot);
      void this.end(slot);
    }, ms);
    slot.idle.unref();
  }

  private cancel(task: Task, error: HttpError): void {
    const queued = this.waiting.indexOf(task);
    if (queued >= 0) this.waiting.splice(queued, 1);
    else if (task.slot && task.slot.task === task) {
      // A running computation cannot be interrupted: end its worker; the next task starts a new one.
      const slot = task.slot;
      slot.task = undefined;
      this.forget(slot);
      void this.end(slot);
      void this.dispatch();
    } else return;
    this.settle(task, error);
  }

  private settle(task: Task, error: unknown, value?: unknown): void {
    task.cleanup();
    if (error !== undefined) task.reject(error);
    else task.resolve(value);
  }

  private forget(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.idle) clearTimeout(slot.idle);
  }

  private async end(slot: Slot): Promise<void> {
    await slot.worker.terminate().catch(() => undefined);
  }
}
