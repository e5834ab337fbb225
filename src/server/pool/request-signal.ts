import type { FastifyReply } from "fastify";

/**
 * An AbortSignal that fires when the client goes away before its answer was sent, so a worker
 * computing for nobody is stopped (see WorkerPool.run).
 */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const res = reply.raw;
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
