import type { Readable } from 'node:stream';

/**
 * The most the runner reads of any one answer from the system under test (a trigger reply, a
 * callback's reply). Real answers are a few KB; without a cap an endless reply grows the
 * runner's memory until the machine gives up (issue 9: 6 GB in 35 s). 256 KiB rather than 1 MiB:
 * a run asks ~40 times, and with 1 MiB per answer the garbage of an endless system alone took
 * the runner's peak from ~270 MB to 285–320 MB (bench/abuse/dead-system.ts); 256 KiB is still a
 * hundred times the largest real reply.
 */
export const replyLimitBytes = 256 * 1024;

export type CappedText =
  | { over: false; text: string }
  /** The stream had more than `limit` bytes: it was destroyed; `head` is how the reply began. */
  | { over: true; received: number; head: string };

/**
 * Reads a stream as UTF-8 text up to `limit` bytes. Past the limit it stops reading and destroys
 * the stream (closing the connection or pipe behind it), so the sender cannot make the runner
 * hold more than `limit` bytes of its reply.
 */
export async function readCapped(stream: Readable, limit = replyLimitBytes): Promise<CappedText> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    received += buffer.length;
    if (received > limit) {
      stream.destroy();
      return { over: true, received, head: (chunks[0] ?? buffer).subarray(0, 200).toString('utf8') };
    }
    chunks.push(buffer);
  }
  return { over: false, text: Buffer.concat(chunks).toString('utf8') };
}

/** "1 MiB", "64 KiB", "512 bytes": a byte count as a reader says it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
