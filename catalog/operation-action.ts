import type { Operation } from './schema/index.ts';

/**
 * What identifies an operation on the wire: its soapAction, or its method and path (REST).
 * Undefined when it has neither: an absent value is never compared (issue 10: operations without
 * a soapAction were all "undefined undefined", so one service's operations replaced another's).
 */
export function operationAction(op: Partial<Pick<Operation, 'soapAction' | 'method' | 'path'>>): string | undefined {
  if (typeof op.soapAction === 'string' && op.soapAction.trim() !== '') return `soapAction ${op.soapAction.trim()}`;
  if (typeof op.method === 'string' && typeof op.path === 'string' && op.path !== '') return `${op.method} ${op.path}`;
  return undefined;
}
