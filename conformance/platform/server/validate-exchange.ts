import type { Element } from '@xmldom/xmldom';
import { parseSafeXml } from './safe-xml.ts';
import { readEnvelope } from './soap-envelope.ts';
import type { ContractValidation, Finding, PlatformReply, ServiceHandler } from '../service-handler.ts';

/**
 * Validates the request and the response body elements against the contract's XSDs, when
 * validation is on and the contract of the integration is known. Findings are recorded with the
 * exchange; they do not change the answer (the real platform's answer is what a client must see).
 */
export function validateExchange(
  validation: ContractValidation,
  handler: ServiceHandler,
  reply: PlatformReply & { requestElement?: Element },
): Finding[] {
  if (handler.validatesItself || !validation.enabled || !validation.covers(handler.integration)) return [];
  const findings: Finding[] = [];
  if (reply.requestElement) {
    for (const f of validation.validate(handler.integration, reply.requestElement))
      findings.push({ ...f, code: `request.${f.code}` });
  }
  if (!reply.fault) findings.push(...responseFindings(validation, handler.integration, reply.body));
  return findings;
}

/**
 * Validation of a response body is a pure function of its bytes and the contract, and services
 * answer fixture data with byte-identical bodies, so each distinct body is parsed and validated
 * once (bounded cache, keyed by the exact text).
 */
const responseCaches = new WeakMap<ContractValidation, Map<string, Map<string, Finding[]>>>();
const responseCacheLimit = 2048;

function responseFindings(validation: ContractValidation, integration: string, text: string): Finding[] {
  let byIntegration = responseCaches.get(validation);
  if (!byIntegration) responseCaches.set(validation, (byIntegration = new Map()));
  let responseCache = byIntegration.get(integration);
  if (!responseCache) byIntegration.set(integration, (responseCache = new Map()));
  // Keyed by the body itself: a service's cached answer is the same string object, whose hash V8 keeps.
  const key = text;
  const cached = responseCache.get(key);
  if (cached) return cached;
  const findings: Finding[] = [];
  const parsed = parseSafeXml(text);
  const envelope = 'problem' in parsed ? undefined : readEnvelope(parsed.document);
  if (envelope && !('problem' in envelope) && envelope.bodyElement) {
    for (const f of validation.validate(integration, envelope.bodyElement))
      findings.push({ ...f, code: `response.${f.code}` });
  }
  if (responseCache.size >= responseCacheLimit) responseCache.clear();
  if (text.length <= 256 * 1024) responseCache.set(key, findings);
  return findings;
}
