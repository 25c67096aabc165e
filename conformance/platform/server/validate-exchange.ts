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
  if (!validation.enabled || !validation.covers(handler.integration)) return [];
  const findings: Finding[] = [];
  if (reply.requestElement) {
    for (const f of validation.validate(handler.integration, reply.requestElement)) findings.push({ ...f, code: `request.${f.code}` });
  }
  if (!reply.fault) {
    const text = reply.body;
    const side = 'response';
    const parsed = parseSafeXml(text);
    const envelope = 'problem' in parsed ? undefined : readEnvelope(parsed.document);
    if (envelope && !('problem' in envelope) && envelope.bodyElement) {
      for (const f of validation.validate(handler.integration, envelope.bodyElement)) findings.push({ ...f, code: `${side}.${f.code}` });
    }
  }
  return findings;
}
