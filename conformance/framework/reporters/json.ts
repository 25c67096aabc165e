import type { RunDocument } from '../run-document.ts';

/** The run document as the JSON file `--json` prints and `klarmeld verify` reads (indented; verify re-canonicalises). */
export function toJson(document: RunDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
