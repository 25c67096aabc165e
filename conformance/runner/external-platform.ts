import { readFile } from 'node:fs/promises';
import { Agent, request } from 'undici';
import type { Catalog } from '../../catalog/index.ts';
import { EnvironmentError } from '../framework/index.ts';
import type { PlatformSession } from './platform-session.ts';
import { serviceEndpoints, serviceUrls } from './service-urls.ts';

export interface ExternalOptions {
  catalog: Catalog;
  url: string;
  target: 'embedded' | 'external-test';
  integrations: string[];
  municipalityCvr: string;
  files: { cert: string; key: string; ca?: string };
  userSystemUuid?: string;
}

/**
 * Attaches to a platform that runs elsewhere: an embedded platform started with `klarmeld
 * platform start`, or KOMBIT's external test environment. The runner cannot register anything
 * there: the system, its certificate and its agreements must exist. An unreachable platform or
 * a refused certificate is an environment error (exit 3).
 */
export async function attachExternalSession(options: ExternalOptions): Promise<PlatformSession> {
  const read = async (path: string, what: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw new EnvironmentError(
        'certificate-file-missing',
        `The ${what} file ${path} named in the profile cannot be read`,
      );
    }
  };
  const [certPem, keyPem, caPem] = await Promise.all([
    read(options.files.cert, 'certificate'),
    read(options.files.key, 'key'),
    options.files.ca ? read(options.files.ca, 'CA') : Promise.resolve(''),
  ]);
  const agent = new Agent({ connect: { cert: certPem, key: keyPem, ...(caPem ? { ca: caPem } : {}) } });
  let systemUuid = options.userSystemUuid;
  let recorder = false;
  try {
    const response = await request(new URL('/klarmeld/exchanges?limit=1', options.url), {
      dispatcher: agent,
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    const text = await response.body.text();
    if (response.statusCode === 200) {
      recorder = options.target === 'embedded';
      systemUuid ??= (JSON.parse(text) as { systemUuid?: string }).systemUuid;
    }
  } catch (error) {
    await agent.close();
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code ??
      '';
    if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT'].includes(code)) {
      throw new EnvironmentError(
        'platform-unreachable',
        `The platform at ${options.url} cannot be reached (${code}). Start it (klarmeld platform start) or check --platform / platform.url`,
        { cause: error },
      );
    }
    throw new EnvironmentError(
      'certificate-refused',
      `The platform at ${options.url} refused the system's certificate (${(error as Error).message}). Check that it is registered, not expired and not revoked`,
      { cause: error },
    );
  }
  await agent.close();
  if (!systemUuid) {
    throw new EnvironmentError(
      'system-unknown',
      'The it-system UUID is unknown: write platform.userSystemUuid in klarmeld.yaml',
    );
  }
  return {
    target: options.target,
    baseUrl: options.url,
    caPem,
    certPem,
    keyPem,
    files: { ca: options.files.ca ?? '', cert: options.files.cert, key: options.files.key },
    userSystemUuid: systemUuid,
    municipalityCvr: options.municipalityCvr,
    agreements: undefined,
    endpoints: serviceEndpoints(options.catalog, options.integrations, options.target, options.url),
    urls: serviceUrls(serviceEndpoints(options.catalog, options.integrations, options.target, options.url)),
    recorder,
    async stop() {},
  };
}
