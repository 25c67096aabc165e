/** Reading a posted HTML form (application/x-www-form-urlencoded), small and bounded. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api/api-error.ts';

const formLimit = 64 * 1024;

/** The form's fields; an empty field is left out, as the API treats a missing optional field. */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new ApiError(
      415,
      'web.form-type',
      `The front takes forms sent as application/x-www-form-urlencoded, not "${type || 'nothing'}". Send the form from the page.`,
    );
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > formLimit)
      throw new ApiError(
        413,
        'web.form-too-large',
        `The form is over ${formLimit / 1024} KiB; the front's forms are small.`,
      );
    chunks.push(chunk as Buffer);
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
    if (value.trim() !== '') fields[key] = value;
  return fields;
}
