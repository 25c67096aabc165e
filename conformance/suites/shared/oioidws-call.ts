import { buildIssueRequest, buildOioidwsRequest, parseIssueResponse } from '../../clients/tokens/index.ts';
import { EnvironmentError } from '../../framework/errors.ts';
import type { SuiteEnvironment } from './environment.ts';
import { callPlatform } from './steps.ts';

/**
 * A Støttesystem call made by the runner as the system (platform tests): a token from the STS,
 * then a signed OIOIDWS SOAP 1.2 request. Refusals are the environment's problem.
 */
export async function callAsSystem(
  env: SuiteEnvironment,
  options: { entityId: string; url: string; action: string; bodyXml: string },
): Promise<{ status: number; body: string }> {
  const stsUrl = env.platform.urls.sts!;
  const issue = buildIssueRequest({ certPem: env.system.certPem, keyPem: env.system.keyPem, entityId: options.entityId, cvr: env.system.municipalityCvr, to: stsUrl });
  const tokenReply = await callPlatform(env, new URL(stsUrl).pathname, { method: 'POST', body: issue, headers: { 'content-type': 'application/soap+xml; charset=utf-8' } });
  const token = parseIssueResponse(tokenReply.body);
  if (!token.ok) throw new EnvironmentError('token-refused', `The STS refused the system a token for ${options.entityId}: ${token.fault.reason || token.fault.code}`);
  const envelope = buildOioidwsRequest(options.bodyXml, { assertionXml: token.token.assertionXml, keyPem: env.system.keyPem, action: options.action, to: options.url });
  return callPlatform(env, new URL(options.url).pathname, {
    method: 'POST',
    body: envelope,
    headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${options.action}"` },
  });
}
