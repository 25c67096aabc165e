import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { ImportedService } from './catalog-import-contract.ts';

export interface ImportChange {
  service: string;
  action: 'updated' | 'added' | 'unchanged';
  /** Operations the catalogue gains or loses, for the reader. */
  added: string[];
  removed: string[];
  /** Operations whose soapAction, method or path changed. */
  changed: string[];
  protocol?: { from: string; to: string };
}

/** Problems of the catalogue side of an import, as data with permanent codes. */
export class ImportError extends Error {
  readonly code: 'import.integration-unknown' | 'import.version-unknown';
  constructor(code: ImportError['code'], message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}

/**
 * What `--version` takes for the version whose number KOMBIT has not published (the catalogue
 * leaves its `version` out; at most one per integration).
 */
export const unnumberedVersion = 'unnumbered';

/** A version entry's name for matching and messages: its number, or `unnumbered`. */
const versionName = (entry: unknown): string => (isMap(entry) ? (entry.has('version') ? String(entry.get('version')) : unnumberedVersion) : '?');

export const integrationFile = (catalogDir: string, integration: string) => join(catalogDir, 'integrations', `${integration}.yaml`);

const soapActions = (ops: unknown): string[] => (Array.isArray(ops) ? ops.map((o) => String(o?.soapAction ?? `${o?.method} ${o?.path}`)) : []);

/**
 * Applies imported services to one version of an integration file's YAML text, keeping comments,
 * order and every field the import does not own (security, endpoints, UUIDs, sources …). A service
 * is matched by name, then by shared soapActions (two services of one name, e.g. v4 and v5, differ
 * in their soapActions); unmatched services are appended. Returns the new text and what changed.
 */
export function applyImport(text: string, file: string, version: string, services: ImportedService[]): { text: string; changes: ImportChange[] } {
  const doc = parseDocument(text);
  const versions = doc.get('versions');
  const index = isSeq(versions) ? versions.items.findIndex((v) => isMap(v) && versionName(v) === version) : -1;
  if (index < 0) {
    const names = isSeq(versions) ? versions.items.map(versionName) : [];
    const known = names.join(', ') || 'none';
    const unnumbered = names.includes(unnumberedVersion) ? ` ("${unnumberedVersion}" is the version whose number KOMBIT has not published)` : '';
    throw new ImportError('import.version-unknown', `${file} has no version "${version}" (it has: ${known}${unnumbered}). Add the version to the file first, or pass one of those with --version.`);
  }
  const path = ['versions', index, 'services'];
  if (!isSeq(doc.getIn(path))) doc.setIn(path, doc.createNode([]));
  const existing = (doc.getIn(path) as { items: YAMLMap[] }).items.map((m) => m.toJSON() as { name: string; operations?: unknown[]; protocol?: string });
  const changes: ImportChange[] = [];
  const taken = new Set<number>();
  for (const s of services) {
    const actions = s.operations.map((o) => o.soapAction ?? `${o.method} ${o.path}`);
    // Best match: same name (or the WSDL's own name), then most soapActions in common.
    const names = [s.name, ...s.aliases];
    const match = existing
      .map((e, i) => ({ i, e, score: (names.includes(e.name) ? 1000 : 0) + soapActions(e.operations).filter((a) => actions.includes(a)).length }))
      .filter(({ i, score }) => !taken.has(i) && score > 0)
      .sort((a, b) => b.score - a.score)[0];
    if (match === undefined) {
      const ops = operationsNode(doc, s.operations);
      // A new service gets the version its siblings share (service versions differ from integration versions).
      // Without one to borrow, an unnumbered integration version gives none: `catalog check` then asks for it.
      const siblings = new Set(existing.map((e) => String((e as { version?: string }).version)));
      const serviceVersion = siblings.size === 1 ? [...siblings][0]! : version === unnumberedVersion ? undefined : version;
      const map = doc.createNode({ name: s.name, ...(serviceVersion !== undefined && { version: serviceVersion }), protocol: s.protocol, security: s.security, contract: [] }) as YAMLMap;
      map.set('operations', ops);
      (doc.getIn(path) as { items: unknown[] }).items.push(map);
      changes.push({ service: s.name, action: 'added', added: s.operations.map((o) => o.name), removed: [], changed: [] });
      continue;
    }
    taken.add(match.i);
    const current = (match.e.operations ?? []) as { name?: string; soapAction?: string; method?: string; path?: string }[];
    const before = current.map((o) => String(o.name));
    // Keep the catalogue's order for operations it has; new ones follow in the contract's order.
    const position = (name: string) => (before.includes(name) ? before.indexOf(name) : before.length);
    const ordered = s.operations.map((o, i) => ({ o, i })).sort((a, b) => position(a.o.name) - position(b.o.name) || a.i - b.i).map(({ o }) => o);
    const ops = operationsNode(doc, ordered);
    const after = ordered.map((o) => o.name);
    const changed = ordered.filter((o) => {
      const old = current.find((c) => c.name === o.name);
      return old !== undefined && (old.soapAction !== o.soapAction || old.method !== o.method || old.path !== o.path);
    }).map((o) => o.name);
    const change: ImportChange = { service: match.e.name, action: 'unchanged', added: after.filter((n) => !before.includes(n)), removed: before.filter((n) => !after.includes(n)), changed };
    if (match.e.protocol !== s.protocol) change.protocol = { from: String(match.e.protocol), to: s.protocol };
    if (change.added.length + change.removed.length + changed.length > 0 || change.protocol) {
      change.action = 'updated';
      doc.setIn([...path, match.i, 'protocol'], s.protocol);
      doc.setIn([...path, match.i, 'operations'], ops);
    }
    changes.push(change);
  }
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

/** Operations as the catalogue writes them: one flow map per line, `{ name: laes, soapAction: "…" }`. */
function operationsNode(doc: Document, operations: ImportedService['operations']) {
  const node = doc.createNode(operations) as { items: YAMLMap[] };
  for (const item of node.items) {
    item.flow = true;
    // URIs in double quotes, as the catalogue writes them by hand.
    for (const pair of item.items) if (isScalar(pair.value) && String(pair.value.value).includes('://')) pair.value.type = 'QUOTE_DOUBLE';
  }
  return node;
}

/** Reads the integration's file, applies the import and, when `write` is set, saves it. */
export function importIntoCatalogue(catalogDir: string, integration: string, version: string, services: ImportedService[], write: boolean): { file: string; changes: ImportChange[] } {
  const file = integrationFile(catalogDir, integration);
  if (!existsSync(file)) throw new ImportError('import.integration-unknown', `The catalogue has no integration ${integration} (no file ${file}). Check the id, or create the integration first.`);
  const result = applyImport(readFileSync(file, 'utf8'), file, version, services);
  if (write && result.changes.some((c) => c.action !== 'unchanged')) writeFileSync(file, result.text);
  return { file, changes: result.changes };
}
