import { canonicalJson } from '../../evidence/index.ts';
import type { UnsignedExchange } from './exchange-record.ts';

const s = JSON.stringify;
const topKeys = new Set([
  'fault',
  'findings',
  'id',
  'integration',
  'latencyMs',
  'method',
  'operation',
  'path',
  'request',
  'response',
  'service',
  'soapAction',
  'soapVersion',
  'status',
  'systemName',
  'systemUuid',
  'time',
]);
const findingKeys = new Set(['code', 'message', 'path', 'severity']);
const messageKeys = new Set(['body', 'contentType', 'size', 'truncated']);
const faultKeys = new Set(['code', 'text']);

const only = (o: object, keys: Set<string>) => Object.keys(o).every((k) => keys.has(k));
const opt = (name: string, v: string | undefined) => (v === undefined ? '' : `,"${name}":${s(v)}`);

/**
 * `canonicalJson(exchange)` (conformance/evidence) for the recorder's own record shape, written
 * out with the keys already in order: the writer thread does this for every exchange, and the
 * generic serializer sorts keys and builds field paths each time. Any other shape (an unknown
 * key, a non-finite number) falls back to canonicalJson itself; a test checks both give the same bytes.
 */
export function canonicalExchangeJson(e: UnsignedExchange): string {
  if (
    !only(e, topKeys) ||
    !Number.isFinite(e.latencyMs) ||
    !Number.isFinite(e.status) ||
    !simpleMessage(e.request) ||
    !simpleMessage(e.response)
  )
    return canonicalJson(e);
  if (!Array.isArray(e.findings) || !e.findings.every((f) => f && typeof f === 'object' && only(f, findingKeys)))
    return canonicalJson(e);
  if (e.fault !== undefined && (typeof e.fault !== 'object' || e.fault === null || !only(e.fault, faultKeys)))
    return canonicalJson(e);
  const findings = e.findings
    .map((f) => `{"code":${s(f.code)},"message":${s(f.message)}${opt('path', f.path)},"severity":${s(f.severity)}}`)
    .join(',');
  const fault = e.fault ? `"fault":{"code":${s(e.fault.code)},"text":${s(e.fault.text)}},` : '';
  return (
    `{${fault}"findings":[${findings}],"id":${s(e.id)}${opt('integration', e.integration)},"latencyMs":${s(e.latencyMs)},"method":${s(e.method)}` +
    `${opt('operation', e.operation)},"path":${s(e.path)},"request":${message(e.request)},"response":${message(e.response)}` +
    `${opt('service', e.service)}${opt('soapAction', e.soapAction)}${opt('soapVersion', e.soapVersion)},"status":${s(e.status)},"systemName":${s(e.systemName)},"systemUuid":${s(e.systemUuid)},"time":${s(e.time)}}`
  );
}

function simpleMessage(m: UnsignedExchange['request']): boolean {
  return (
    !!m &&
    typeof m === 'object' &&
    only(m, messageKeys) &&
    Number.isFinite(m.size) &&
    typeof m.body === 'string' &&
    typeof m.truncated === 'boolean'
  );
}

function message(m: UnsignedExchange['request']): string {
  return `{"body":${s(m.body)},"contentType":${s(m.contentType)},"size":${s(m.size)},"truncated":${m.truncated}}`;
}
