import type { YAMLMap } from 'yaml';
import type { ImportedService } from './catalog-import-contract.ts';
import { keyColumn, pairOf, pairSpan, renderPair, type TextEdit } from './catalog-import-contract-yaml.ts';

/** The endpoints a contract (or the --endpoint given with it) tells: the local path and the external test URL. */
export function importedEndpoints(s: ImportedService): { local?: string; externalTest?: string } {
  return {
    ...(s.endpointPaths[0] !== undefined && { local: s.endpointPaths[0] }),
    ...(s.externalTest !== undefined && { externalTest: s.externalTest }),
  };
}

/**
 * Edits that write what the import knows of a listed service and the file lacks: its ServiceUUID,
 * entity ID, local path and external test URL. A value already written is never replaced (a person
 * or an earlier import put it there from a source); the names of the filled fields are returned.
 */
export function fillIdentity(
  text: string,
  node: YAMLMap,
  listed: Record<string, unknown>,
  s: ImportedService,
): { edits: TextEdit[]; filled: string[] } {
  const edits: TextEdit[] = [];
  const filled: string[] = [];
  const insert = (key: string, value: unknown) => {
    const at = node.range![2];
    edits.push({
      start: at,
      end: at,
      text: ' '.repeat(keyColumn(text, node)) + renderPair(key, value, keyColumn(text, node)),
    });
    filled.push(key);
  };
  if (listed.serviceUuid === undefined && s.serviceUuid !== undefined) insert('serviceUuid', s.serviceUuid);
  if (listed.entityId === undefined && s.entityId !== undefined) insert('entityId', s.entityId);
  const known = (listed.endpoints ?? {}) as Record<string, string>;
  const missing = Object.entries(importedEndpoints(s)).filter(([k]) => known[k] === undefined);
  if (missing.length > 0) {
    const merged = {
      ...Object.fromEntries(missing.filter(([k]) => k === 'local')),
      ...known,
      ...Object.fromEntries(missing.filter(([k]) => k !== 'local')),
    };
    const pair = pairOf(node, 'endpoints');
    const rendered = renderPair('endpoints', merged, keyColumn(text, node));
    if (pair) edits.push({ ...pairSpan(pair), text: rendered });
    else insert('endpoints', merged);
    if (pair) filled.push(...missing.map(([k]) => `endpoints.${k}`));
    else filled.splice(filled.indexOf('endpoints'), 1, ...missing.map(([k]) => `endpoints.${k}`));
  }
  return { edits, filled };
}
