import { buildOioidwsRequest } from '../../clients/index.ts';
import { EnvironmentError } from '../../framework/index.ts';
import type { SuiteEnvironment } from './environment.ts';
import { callPlatform, serviceUrl } from './platform-call.ts';
import { requestToken } from './sts-token.ts';

/**
 * A Støttesystem call made by the runner as the system (platform tests): a token from the STS,
 * then a signed OIOIDWS SOAP 1.2 request to the service's own URL. Refusals are the
 * environment's problem.
 */
export async function callAsSystem(
  env: SuiteEnvironment,
  options: { entityId: string; service: string; action: string; bodyXml: string },
): Promise<{ status: number; body: string }> {
  const to = serviceUrl(env, options.service);
  const token = await requestToken(env, options.entityId);
  if (!token.ok)
    throw new EnvironmentError(
      'token-refused',
      `The STS refused the system a token for ${options.entityId}: ${token.fault.reason || token.fault.code}`,
    );
  const envelope = buildOioidwsRequest(options.bodyXml, {
    assertionXml: token.token.assertionXml,
    keyPem: env.system.keyPem,
    action: options.action,
    to,
  });
  return callPlatform(env, options.service, {
    method: 'POST',
    body: envelope,
    headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${options.action}"` },
  });
}
