import { isDeepStrictEqual } from 'node:util';
import { operationAction } from '../../catalog/index.ts';
import type { Operation, Service } from '../../catalog/index.ts';
import { endpointPath, type ImportedService } from './catalog-import-contract.ts';

/** A service as the integration file lists it (plain data: fields may be missing or odd). */
export type ListedService = Partial<Service> & { name?: string };

/** Why an imported service was taken for a listed one, strongest first (the order they are weighed in). */
export const matchReasons = [
  'operations',
  'endpoint path',
  'ServiceUUID',
  'entity ID',
  'operation names',
  'name',
] as const;
export type MatchReason = (typeof matchReasons)[number];

/**
 * How strongly an imported service resembles a listed one, one number per reason in the order of
 * `matchReasons`, compared left to right. Operations count by shared soapAction (or method and
 * path), never by an absent one; operation names count only where one side has no action to compare.
 * An entity ID counts only when no other listed service has it (SF1500's services share one).
 * A listed service at another known path, sharing no action, is another service whatever else it
 * shares: Ydelsesindeks's three services share one entity ID and their operation names (`fjern`).
 */
function resemblance(imported: ImportedService, listed: ListedService, all: ListedService[]): number[] {
  const ops = (listed.operations ?? []) as Partial<Operation>[];
  const actions = new Set(ops.map(operationAction).filter((a) => a !== undefined));
  const sharedActions = imported.operations.filter((o) => {
    const a = operationAction(o);
    return a !== undefined && actions.has(a);
  }).length;
  const sharedNames = imported.operations.filter((o) =>
    ops.some((c) => c.name === o.name && (operationAction(c) === undefined || operationAction(o) === undefined)),
  ).length;
  const paths = Object.values(listed.endpoints ?? {}).map((e) => (typeof e === 'string' ? endpointPath(e) : undefined));
  const endpoint = imported.endpointPaths.some((p) => paths.includes(p)) ? 1 : 0;
  if (endpoint === 0 && sharedActions === 0 && imported.endpointPaths.length > 0 && paths.some((p) => p !== undefined))
    return matchReasons.map(() => 0);
  const uuid = imported.serviceUuid !== undefined && listed.serviceUuid?.toLowerCase() === imported.serviceUuid ? 1 : 0;
  const entity =
    imported.entityId !== undefined &&
    listed.entityId === imported.entityId &&
    all.filter((s) => s.entityId === imported.entityId).length === 1
      ? 1
      : 0;
  const name = [imported.name, ...imported.aliases].includes(String(listed.name)) ? 1 : 0;
  return [sharedActions, endpoint, uuid, entity, sharedNames, name];
}

const compare = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
};

export type ServiceMatch =
  | { kind: 'match'; index: number; reasons: MatchReason[] }
  | { kind: 'new' }
  | { kind: 'ambiguous'; candidates: number[]; reasons: MatchReason[] };

/**
 * Pairs each imported service with the listed service it is, or none. Each listed service is taken
 * at most once; two listed services that resemble an import equally are not guessed between.
 */
export function matchServices(imported: ImportedService[], listed: ListedService[]): ServiceMatch[] {
  const taken = new Set<number>();
  return imported.map((s) => {
    const scored = listed
      .map((l, index) => ({ index, score: resemblance(s, l, listed) }))
      .filter(({ index, score }) => !taken.has(index) && score.some((n) => n > 0))
      .sort((a, b) => compare(a.score, b.score));
    const [best, second] = scored;
    if (best === undefined) return { kind: 'new' };
    const reasons = matchReasons.filter((_, i) => best.score[i]! > 0);
    if (second !== undefined && compare(best.score, second.score) === 0) {
      return {
        kind: 'ambiguous',
        candidates: scored.filter((c) => compare(c.score, best.score) === 0).map((c) => c.index),
        reasons,
      };
    }
    taken.add(best.index);
    return { kind: 'match', index: best.index, reasons };
  });
}

/** What an import does to one listed service's operations, for the reader. */
export interface OperationChanges {
  added: string[];
  /** Listed operations the contract does not have: kept unless removal was asked for. */
  kept: string[];
  removed: string[];
  /** Operations whose soapAction, method or path changed, as "name (old → new)". */
  changed: string[];
  renamed: string[];
  /** Operations whose request or response description was added or changed. */
  messages: string[];
}

/**
 * Merges a contract's operations into a listed service's. An imported operation is the listed one
 * with its action (soapAction, or method and path), else the one with its name; it keeps what
 * only the catalogue says (a description). Listed operations the contract lacks are kept, and
 * named, unless `removeMissing` is set. The catalogue's order is kept; new operations follow in
 * the contract's order.
 */
export function mergeOperations(
  listed: Partial<Operation>[],
  imported: Operation[],
  removeMissing: boolean,
): { operations: Operation[]; changes: OperationChanges } {
  const changes: OperationChanges = { added: [], kept: [], removed: [], changed: [], renamed: [], messages: [] };
  const result: (Operation | undefined)[] = listed.map(() => undefined);
  const used = new Set<number>();
  const appended: Operation[] = [];
  for (const op of imported) {
    const action = operationAction(op);
    let i = action === undefined ? -1 : listed.findIndex((c, j) => !used.has(j) && operationAction(c) === action);
    if (i < 0) i = listed.findIndex((c, j) => !used.has(j) && c.name === op.name);
    if (i < 0) {
      appended.push(op);
      changes.added.push(op.name);
      continue;
    }
    used.add(i);
    const old = listed[i]!;
    const { soapAction: _s, method: _m, path: _p, input: _i, output: _o, ...kept } = old;
    const merged = { ...kept, ...op } as Operation;
    if (old.name !== op.name) changes.renamed.push(`${String(old.name)} → ${op.name}`);
    const before = operationAction(old);
    if (before !== action) changes.changed.push(`${op.name} (${before ?? 'no action'} → ${action ?? 'no action'})`);
    if (!isDeepStrictEqual(old.input, op.input) || !isDeepStrictEqual(old.output, op.output)) {
      // A contract that declares no message leaves the catalogue's description as it is.
      if (op.input === undefined && old.input !== undefined) merged.input = old.input;
      if (op.output === undefined && old.output !== undefined) merged.output = old.output;
      if (!isDeepStrictEqual(old.input, merged.input) || !isDeepStrictEqual(old.output, merged.output))
        changes.messages.push(op.name);
    }
    result[i] = merged;
  }
  listed.forEach((old, i) => {
    if (used.has(i)) return;
    if (removeMissing) changes.removed.push(String(old.name));
    else {
      changes.kept.push(String(old.name));
      result[i] = old as Operation;
    }
  });
  return { operations: [...result.filter((o) => o !== undefined), ...appended], changes };
}
