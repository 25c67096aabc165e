import type { IncomingMessage } from 'node:http';
import { decodeBody } from './decode-body.ts';

/** `invalidUtf8At`: see decodeBody; the body is then the lossy decoding, kept for the record. */
export type BodyResult = { body: string; invalidUtf8At?: number } | { tooLarge: true } | { aborted: true };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused
 * before reading; a body that grows past it is dropped at once (its chunks are not kept), so an
 * oversized upload never costs more than `limit` bytes of memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.resume();
        finish({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return; // refused as too large: nothing to decode
      const decoded = decodeBody(
        chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size),
        req.headers['content-type'],
      );
      finish(
        decoded.invalidUtf8At === undefined
          ? { body: decoded.text }
          : { body: decoded.text, invalidUtf8At: decoded.invalidUtf8At },
      );
    });
    req.on('aborted', () => finish({ aborted: true }));
    req.on('error', () => finish({ aborted: true }));
    req.on('close', () => finish({ aborted: true }));
  });
}
