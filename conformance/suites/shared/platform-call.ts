import { request, type Dispatcher } from 'undici';
import { EnvironmentError } from '../../framework/index.ts';
import type { PlatformCallInit, PlatformReply, SuiteEnvironment } from './environment.ts';

/**
 * The full URL of a platform service (catalogue service name, or `sts`) in the run's
 * environment: the embedded platform's path, or the catalogue's external-test URL. KOMBIT's
 * services live on different hosts, so a path on one base URL would reach the wrong one.
 */
export function serviceUrl(env: SuiteEnvironment, service: string): string {
  const url = env.platform.urls[service];
  if (!url) {
    throw new EnvironmentError(
      'service-url-missing',
      `The run knows no ${env.target} URL for ${service}: the catalogue names no endpoint of it for this environment, or the system's integrations do not include it. Add the endpoint to the integration's catalogue entry`,
    );
  }
  return url;
}

type CallInit = PlatformCallInit;

/** Calls a platform service as the system, at the service's own URL (see serviceUrl). */
export async function callPlatform(env: SuiteEnvironment, service: string, init: CallInit = {}) {
  return callAsSystemAt(env, serviceUrl(env, service), init);
}

/**
 * Calls one of klarmeld's own endpoints of the embedded platform (e.g. `/klarmeld/messages`),
 * which KOMBIT's environment does not have: the tests that use one need a door only the
 * embedded platform opens.
 */
export async function callKlarmeldEndpoint(env: SuiteEnvironment, path: `/klarmeld/${string}`, init: CallInit = {}) {
  return callAsSystemAt(env, new URL(path, env.platform.baseUrl).href, init);
}

/** A refused TLS handshake means the certificate is not accepted. */
async function callAsSystemAt(env: SuiteEnvironment, url: string, init: CallInit) {
  try {
    return await (env.platform.call ?? ((to, what) => liveCall(env.platform.dispatcher, to, what)))(url, init);
  } catch (error) {
    throw new EnvironmentError(
      'platform-refused-certificate',
      `The platform at ${new URL(url).origin} did not accept a mutual-TLS connection with the system's certificate (${(error as Error).message}). Check that the certificate is the registered one, not expired and not revoked`,
      { cause: error },
    );
  }
}

/** One HTTPS request with undici: the real call behind `env.platform.call`. */
export async function liveCall(dispatcher: Dispatcher, url: string, init: CallInit): Promise<PlatformReply> {
  const response = await request(url, {
    method: init.method ?? 'GET',
    headers: init.headers,
    body: init.body,
    dispatcher,
  });
  const contentType = response.headers['content-type'];
  return {
    status: response.statusCode,
    body: await response.body.text(),
    headers: typeof contentType === 'string' ? { 'content-type': contentType } : {},
  };
}
