import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Operation } from '../../catalog/index.ts';
import type { ImportedService } from './catalog-import-contract.ts';
import {
  matchServices,
  mergeOperations,
  type ListedService,
  type MatchReason,
  type OperationChanges,
} from './catalog-import-contract-match.ts';
import {
  applyEdits,
  dashColumn,
  keyColumn,
  pairOf,
  pairSpan,
  renderItem,
  renderPair,
  type TextEdit,
} from './catalog-import-contract-yaml.ts';
import { fillIdentity, importedEndpoints } from './catalog-import-contract-fill.ts';
import { createIntegrationText } from './catalog-import-contract-create.ts';
import { ImportError, unnumberedVersion } from './catalog-import-contract-error.ts';
import { isSamlImport } from './catalog-import-saml.ts';

export { ImportError, unnumberedVersion } from './catalog-import-contract-error.ts';

export interface ImportChange extends OperationChanges {
  /** The service's name in the catalogue. */
  service: string;
  /** The contract's service it came from. */
  from: string;
  action: 'updated' | 'added' | 'unchanged' | 'skipped';
  /** What made the contract's service this catalogue service (see `matchReasons`). */
  matchedBy?: MatchReason[];
  protocol?: { from: string; to: string };
  /** Why a service was not imported. */
  reason?: string;
  /** Fields the file lacked and the import wrote (serviceUuid, entityId, endpoints.local …). */
  filled?: string[];
}

export interface ApplyOptions {
  /** Remove listed operations the contract does not have (otherwise they are kept and named). */
  removeMissing?: boolean;
}

/** A version entry's name for matching and messages: its number, or `unnumbered`. */
const versionName = (entry: unknown): string =>
  isMap(entry) ? (entry.has('version') ? String(entry.get('version')) : unnumberedVersion) : '?';

export const integrationFile = (catalogDir: string, integration: string) =>
  join(catalogDir, 'integrations', `${integration}.yaml`);

const noChanges = (): OperationChanges => ({
  added: [],
  kept: [],
  removed: [],
  changed: [],
  renamed: [],
  messages: [],
});

/**
 * Applies imported services to one version of an integration file's text. Only the operations
 * (and protocol) of the services it imports change, as text edits at their place in the file;
 * every other byte stays as written. A contract's service is the listed service it shares
 * operations, an endpoint path, a ServiceUUID or an entity ID with, before one of the same name
 * (see matchServices); one that resembles two equally is skipped and said so. Services the
 * catalogue lacks are added at the end of the version.
 */
export function applyImport(
  text: string,
  file: string,
  version: string,
  services: ImportedService[],
  options: ApplyOptions = {},
): { text: string; changes: ImportChange[] } {
  const doc = parseDocument(text);
  const versions = doc.get('versions', true);
  const index = isSeq(versions) ? versions.items.findIndex((v) => isMap(v) && versionName(v) === version) : -1;
  if (!isSeq(versions) || index < 0) {
    const names = isSeq(versions) ? versions.items.map(versionName) : [];
    const known = names.join(', ') || 'none';
    const unnumbered = names.includes(unnumberedVersion)
      ? ` ("${unnumberedVersion}" is the version whose number KOMBIT has not published)`
      : '';
    throw new ImportError(
      'import.version-unknown',
      `${file} has no version "${version}" (it has: ${known}${unnumbered}). Add the version to the file first, or pass one of those with --version.`,
    );
  }
  const versionMap = versions.items[index] as YAMLMap;
  const servicesPair = pairOf(versionMap, 'services');
  const seq =
    isSeq(servicesPair?.value) && servicesPair.value.items.length > 0 && !servicesPair.value.flow
      ? (servicesPair.value as YAMLSeq)
      : undefined;
  const listed = (seq?.items ?? []).map((m) => (isMap(m) ? (m.toJSON() as ListedService) : {}));
  const edits: TextEdit[] = [];
  const changes: ImportChange[] = [];
  const added: object[] = [];
  matchServices(services, listed).forEach((match, i) => {
    const s = services[i]!;
    if (match.kind === 'ambiguous') {
      const names = match.candidates.map((c) => String(listed[c]!.name)).join(' and ');
      changes.push({
        service: s.name,
        from: s.aliases[0] ?? s.name,
        action: 'skipped',
        ...noChanges(),
        reason: `it matches ${names} equally (by ${match.reasons.join(', ')}); nothing was changed for it. Give each of them its endpoints or ServiceUUID in the file, or import the service's own WSDL.`,
      });
      return;
    }
    if (match.kind === 'new') {
      added.push(newService(s, listed, version));
      changes.push({
        service: s.name,
        from: s.aliases[0] ?? s.name,
        action: 'added',
        ...noChanges(),
        added: s.operations.map((o) => o.name),
      });
      return;
    }
    const old = listed[match.index]!;
    const node = seq!.items[match.index] as YAMLMap;
    const current = (Array.isArray(old.operations) ? old.operations : []) as Partial<Operation>[];
    const { operations, changes: opChanges } = mergeOperations(current, s.operations, options.removeMissing ?? false);
    const change: ImportChange = {
      service: String(old.name),
      from: s.aliases[0] ?? s.name,
      action: 'unchanged',
      matchedBy: match.reasons,
      ...opChanges,
    };
    if (old.protocol !== s.protocol) {
      change.protocol = { from: String(old.protocol), to: s.protocol };
      const pair = pairOf(node, 'protocol');
      if (pair && isScalar(pair.value))
        edits.push({ start: pair.value.range![0], end: pair.value.range![1], text: s.protocol });
    }
    if (!isDeepStrictEqual(current, operations)) {
      const pair = pairOf(node, 'operations');
      const rendered = renderPair('operations', operations, keyColumn(text, node));
      if (pair) edits.push({ ...pairSpan(pair), text: rendered });
      else
        edits.push({ start: node.range![2], end: node.range![2], text: ' '.repeat(keyColumn(text, node)) + rendered });
    }
    const identity = fillIdentity(text, node, old as Record<string, unknown>, s);
    edits.push(...identity.edits);
    // An identity provider's description is the metadata's, written whole: a new metadata file replaces it.
    const listedSaml = (old as { saml?: unknown }).saml;
    if (isSamlImport(s) && !isDeepStrictEqual(listedSaml, s.saml)) {
      const pair = pairOf(node, 'saml');
      const rendered = renderPair('saml', s.saml, keyColumn(text, node));
      if (pair) edits.push({ ...pairSpan(pair), text: rendered });
      else
        edits.push({ start: node.range![2], end: node.range![2], text: ' '.repeat(keyColumn(text, node)) + rendered });
      identity.filled.push('saml');
    }
    if (identity.filled.length > 0) change.filled = identity.filled;
    if (change.protocol || !isDeepStrictEqual(current, operations) || identity.filled.length > 0)
      change.action = 'updated';
    changes.push(change);
  });
  if (added.length > 0) edits.push(additionEdit(text, versionMap, servicesPair, seq, listed, added));
  return { text: applyEdits(text, edits), changes };
}

/** A service the catalogue lacks, as the import can describe it; the file's other fields are filled in by hand. */
function newService(s: ImportedService, listed: ListedService[], version: string): object {
  // A service version from its namespace; else the one its siblings share; else the integration's
  // (never for an unnumbered version: `catalog check` then asks for it).
  const siblings = new Set(listed.map((e) => String(e.version)));
  const serviceVersion =
    s.version ?? (siblings.size === 1 ? [...siblings][0]! : version === unnumberedVersion ? undefined : version);
  return {
    name: s.name,
    ...(serviceVersion !== undefined && { version: serviceVersion }),
    protocol: s.protocol,
    security: s.security,
    ...(s.serviceUuid !== undefined && { serviceUuid: s.serviceUuid }),
    ...(s.entityId !== undefined && { entityId: s.entityId }),
    operations: s.operations,
    ...(Object.keys(importedEndpoints(s)).length > 0 && { endpoints: importedEndpoints(s) }),
    ...(isSamlImport(s) && { saml: s.saml }),
  };
}

function additionEdit(
  text: string,
  versionMap: YAMLMap,
  pair: ReturnType<typeof pairOf>,
  seq: YAMLSeq | undefined,
  listed: ListedService[],
  added: object[],
): TextEdit {
  if (seq !== undefined) {
    const column = dashColumn(text, seq);
    const at = seq.range![2];
    return {
      start: at,
      end: at,
      text:
        ' '.repeat(column) + added.map((s, i) => (i === 0 ? '' : ' '.repeat(column)) + renderItem(s, column)).join(''),
    };
  }
  // No services yet (or written as a flow list): the services pair is written anew with the old and new entries.
  const rendered = renderPair('services', [...listed, ...added], keyColumn(text, versionMap));
  if (pair) return { ...pairSpan(pair), text: rendered };
  const at = versionMap.range![2];
  return { start: at, end: at, text: ' '.repeat(keyColumn(text, versionMap)) + rendered };
}

/**
 * Reads the integration's file, applies the import and, when `write` is set, saves it. With
 * `create`, a missing file is written from the contract instead (see createIntegrationText).
 */
export function importIntoCatalogue(
  catalogDir: string,
  integration: string,
  version: string,
  services: ImportedService[],
  write: boolean,
  options: ApplyOptions & { create?: boolean; source?: string } = {},
): { file: string; changes: ImportChange[]; created?: boolean; toFill?: string[] } {
  const file = integrationFile(catalogDir, integration);
  if (options.create) {
    if (existsSync(file))
      throw new ImportError(
        'import.integration-exists',
        `${file} already exists, so --create would overwrite it. Leave out --create to import into it.`,
      );
    const { text, toFill } = createIntegrationText(integration, version, services);
    if (write) writeFileSync(file, text);
    return {
      file,
      created: true,
      toFill,
      changes: services.map((s) => ({
        service: s.name,
        from: s.aliases[0] ?? s.name,
        action: 'added',
        ...noChanges(),
        added: s.operations.map((o) => o.name),
      })),
    };
  }
  if (!existsSync(file))
    throw new ImportError(
      'import.integration-unknown',
      `The catalogue has no integration ${integration} (no file ${file}). Check the id, or add --create to write the file from the contract.`,
    );
  const result = applyImport(readFileSync(file, 'utf8'), file, version, services, options);
  if (write && result.changes.some((c) => c.action === 'updated' || c.action === 'added'))
    writeFileSync(file, result.text);
  return { file, changes: result.changes };
}
