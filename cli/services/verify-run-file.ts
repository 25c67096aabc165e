/**
 * `klarmeld verify`: reads a run document, obtains the platform key (pinned from a file or a
 * platform URL, or the one embedded in the run), verifies the evidence and re-derives every
 * verdict from the run's tapes, offline.
 */
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'undici';
import { signingKeyPath } from '../../conformance/evidence/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import type { VerifyReport } from '../../conformance/framework/index.ts';
import { verifyAndRederive } from './verify-rederive.ts';

/** The run file or the key cannot be read: the user's input, exit 2. */
export class VerifyInputError extends Error {
  override name = 'VerifyInputError';
  readonly code: 'run-not-found' | 'run-not-json' | 'key-not-found';

  constructor(code: VerifyInputError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The platform could not be asked for its key: exit 3. */
export class PlatformKeyError extends Error {
  override name = 'PlatformKeyError';
  readonly code = 'platform-key-unavailable';
}

export interface VerifyFileOptions {
  keyFile?: string;
  platformUrl?: string;
  /** Client certificate for the platform's mutual TLS (PEM paths). */
  tls?: { cert?: string; key?: string; ca?: string };
  /** Binds the run to this catalogue's it-system of its SKI system (default: the shipped catalogue). */
  catalog?: Catalog;
}

async function readText(file: string, code: VerifyInputError['code'], what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new VerifyInputError(code, `There is no ${what} at ${file}. Check the path.`);
  }
}

/** Fetches the platform's public signing key over HTTPS (mutual TLS when a certificate is given). */
export async function fetchPlatformKey(platformUrl: string, tls: VerifyFileOptions['tls'] = {}): Promise<string> {
  const connect = {
    ...(tls.cert ? { cert: await readFile(tls.cert, 'utf8') } : {}),
    ...(tls.key ? { key: await readFile(tls.key, 'utf8') } : {}),
    ...(tls.ca ? { ca: await readFile(tls.ca, 'utf8') } : {}),
  };
  const dispatcher = new Agent({ connect, connectTimeout: 5000 });
  const url = new URL(signingKeyPath, platformUrl).toString();
  try {
    const response = await request(url, { dispatcher, headersTimeout: 10_000, bodyTimeout: 10_000 });
    const body = await response.body.text();
    if (response.statusCode !== 200 || !body.includes('BEGIN PUBLIC KEY')) {
      throw new PlatformKeyError(
        `${url} answered HTTP ${response.statusCode} without a public key. Is this a klarmeld platform?`,
      );
    }
    return body;
  } catch (error) {
    if (error instanceof PlatformKeyError) throw error;
    throw new PlatformKeyError(
      `Could not fetch the platform key from ${url} (${(error as Error).message}). The platform uses mutual TLS: pass --cert, --cert-key and --ca, or save the key and use --key FILE.`,
    );
  } finally {
    await dispatcher.close();
  }
}

export async function verifyRunFile(file: string, options: VerifyFileOptions = {}): Promise<VerifyReport> {
  const text = await readText(file, 'run-not-found', 'run document');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new VerifyInputError(
      'run-not-json',
      `${file} is not JSON (${(error as Error).message}). Pass the file written by "klarmeld test --json".`,
    );
  }
  const publicKey = options.keyFile
    ? await readText(options.keyFile, 'key-not-found', 'public key file')
    : options.platformUrl
      ? await fetchPlatformKey(options.platformUrl, options.tls)
      : undefined;
  const catalog = options.catalog ?? (await loadCatalog()).catalog;
  return verifyAndRederive(json, { catalog, ...(publicKey ? { publicKey } : {}) });
}
