import { randomUUID } from 'node:crypto';
import { buildJson, valueFor } from '../../../catalog/index.ts';
import type { KorsbaekSample, RestContractOperation } from '../../../catalog/index.ts';

export interface RestRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * A call to one operation of a REST service the catalogue derived from an OpenAPI document: the
 * path's parameters and the JSON body from the operation's tree with the caller's values (by
 * parameter name, or by a field's path in the body), `Authorization: Holder-of-key <token>` and the
 * headers KOMBIT's REST services require: x-TransaktionsId (a new lower-case UUID) and
 * x-TransaktionsTid (now, UTC). Optional headers are left out.
 */
export function restRequest(
  baseUrl: string,
  op: RestContractOperation,
  token: string,
  values: Record<string, string> = {},
  now: Date = new Date(),
): RestRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.parameters.find((p) => p.name === name && p.in === 'path');
    const value = values[name] ?? (param ? valueFor(param, 'sample', name) : undefined) ?? 'Korsbaek';
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((x) => x.in === 'query' && (x.required || values[x.name] !== undefined)))
    query.set(p.name, values[p.name] ?? valueFor(p, 'sample') ?? '');
  const headers: Record<string, string> = {
    authorization: `Holder-of-key ${token}`,
    'x-transaktionsid': randomUUID(),
    'x-transaktionstid': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const request: RestRequest = {
    method: op.method,
    url: `${baseUrl.replace(/\/+$/, '')}${path}${query.size > 0 ? `?${query}` : ''}`,
    headers,
  };
  if (op.input) {
    const samples: KorsbaekSample[] = Object.entries(values)
      .filter(([field]) => !op.parameters.some((p) => p.name === field))
      .map(([field, value]) => ({ field, values: [value] }));
    headers['content-type'] = 'application/json';
    request.body = JSON.stringify(buildJson(op.input.fields, { samples }));
  }
  return request;
}

/**
 * What a REST answer says: its data, or the refusal a KOMBIT REST service writes in
 * `SvarReaktion/Fejl` (FejlId, FejlTekst), which can come with any status.
 */
export function readRestAnswer(
  status: number,
  text: string,
): { ok: true; values: unknown } | { ok: false; code: string; text: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: `HTTP ${status}`, text: text.slice(0, 200) };
  }
  const fejl = findFejl(json);
  if (fejl) return { ok: false, code: String(fejl.FejlId ?? `HTTP ${status}`), text: String(fejl.FejlTekst ?? '') };
  if (status >= 400) return { ok: false, code: `HTTP ${status}`, text: text.slice(0, 200) };
  return { ok: true, values: json };
}

function findFejl(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'Fejl' && typeof v === 'object' && v !== null) return v as Record<string, unknown>;
    const found = findFejl(v);
    if (found) return found;
  }
  return undefined;
}
