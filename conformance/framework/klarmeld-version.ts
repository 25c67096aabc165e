import { readFileSync } from 'node:fs';

/**
 * klarmeld's own version, read from the package.json it ships in: the one place a run document,
 * a report or the CLI learns which klarmeld made it. Read on call, so importing does nothing.
 */
export function klarmeldVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name?: unknown;
    version?: unknown;
  };
  if (manifest.name !== 'klarmeld' || typeof manifest.version !== 'string') {
    throw new Error(
      `The package.json next to klarmeld's sources (${new URL('../../package.json', import.meta.url).pathname}) names no klarmeld version`,
    );
  }
  return manifest.version;
}
