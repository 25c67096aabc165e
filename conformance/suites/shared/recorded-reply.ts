import type { Exchange, PlatformReply, Recorder } from './environment.ts';

/**
 * The platform's own record of a call the runner made as the system, when it keeps one (the
 * services it serves, not klarmeld's own endpoints; whole bodies only): the tape then refers to
 * that signed exchange instead of holding the reply on the runner's word. The recorder stores an
 * exchange just after answering, so it is asked a few times; a call it never records costs
 * about a fifth of a second. Undefined when there is none, or the recorder cannot be read.
 */
export async function recordedReply(
  recorder: Recorder,
  marker: string,
  url: string,
  method: string,
  reply: PlatformReply,
): Promise<Exchange | undefined> {
  const path = new URL(url).pathname;
  for (let tries = 0; tries < 8; tries += 1) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    let exchanges: Exchange[];
    try {
      exchanges = await recorder.since(marker);
    } catch {
      return undefined;
    }
    const found = exchanges.findLast(
      (e) => e.path === path && e.method === method && e.status === reply.status && e.responseBody === reply.body,
    );
    if (found && (found.record as { digest?: unknown } | null)?.digest) return found;
  }
  return undefined;
}
