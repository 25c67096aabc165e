import type { ServerResponse } from 'node:http';

/**
 * Writes a body piece by piece as its source makes it, waiting while the client reads slowly
 * (backpressure) so that the pieces never pile up in memory. Between pieces the event loop is
 * free, so other systems' requests are served while a large answer goes out. A client that goes
 * away ends the source (its `finally` blocks run); an error of the source destroys the response,
 * as its status was already sent.
 */
export async function streamBody(res: ServerResponse, source: AsyncIterable<string>): Promise<void> {
  for await (const piece of source) {
    if (res.destroyed) return;
    if (!res.write(piece) && !(await drained(res))) return;
  }
  res.end();
}

/** True once the response can take more, false if it was closed first. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
