/**
 * Checks a status event against the catalogue before it is appended: the system and the
 * integration exist, the status is a code of the vocabulary, a reason is given where the
 * vocabulary requires one and is one of the allowed reasons when the vocabulary lists them.
 * Pure: the catalogue is passed in. Returns every problem, not just the first.
 */
import type { Catalog } from '../../catalog/index.ts';
import { markOf, readWord, wordsOf } from './kombit-words.ts';
import type { NewStatusEvent } from './status-event.ts';

export interface EventProblem {
  code: 'unknown-system' | 'unknown-integration' | 'unknown-status' | 'reason-required' | 'reason-not-allowed';
  message: string;
}

export function checkEvent(
  catalog: Catalog,
  event: Pick<NewStatusEvent, 'system' | 'integration' | 'status' | 'reason'>,
): EventProblem[] {
  const problems: EventProblem[] = [];
  if (!catalog.systems.some((s) => s.id === event.system)) {
    problems.push({
      code: 'unknown-system',
      message: `There is no SKI system "${event.system}" in the catalogue. Run "klarmeld catalog systems" or check systems.yaml for its id.`,
    });
  }
  if (!catalog.integrations.some((i) => i.id === event.integration)) {
    problems.push({
      code: 'unknown-integration',
      message: `There is no integration "${event.integration}" in the catalogue. Write its SF number, e.g. SF1520.`,
    });
  }
  if (event.status === '') return problems; // a blank cell: no status, nothing more to check
  const status = catalog.statuses.find((s) => s.code === event.status);
  if (!status) {
    problems.push({
      code: 'unknown-status',
      message: `"${event.status}" is not a status of the onboarding vocabulary. Use one of: ${catalog.statuses.map((s) => s.code).join(', ')}.`,
    });
    return problems;
  }
  const reason = event.reason?.trim();
  if (status.reasonRequired && !reason) {
    problems.push({
      code: 'reason-required',
      message: `"${status.label}" needs a reason${status.reasons.length > 0 ? `, one of: ${status.reasons.map((r) => `"${r}"`).join(', ')}` : ''}. Add --reason "…".`,
    });
  } else if (reason && status.reasons.length > 0 && !status.reasons.includes(reason)) {
    problems.push({
      code: 'reason-not-allowed',
      message: `"${reason}" is not an allowed reason for "${status.label}". Use one of: ${status.reasons.map((r) => `"${r}"`).join(', ')}.`,
    });
  }
  return problems;
}

/**
 * A status by anything a reader may write for it: KOMBIT's word in any spelling ("Delvist",
 * "Forløb 3"), the report's code ("5. Delvis"), klarmeld's code or mark (K). For "Forløb" without
 * a round it still finds the status (a filter needs no round).
 */
export function statusByCodeOrLabel(catalog: Catalog, text: string) {
  const read = readWord(catalog.statuses, text);
  if ('code' in read) return catalog.statuses.find((s) => s.code === read.code);
  const wanted = text.trim().toLowerCase();
  return catalog.statuses.find(
    (s) =>
      s.code === wanted ||
      s.label.toLowerCase() === wanted ||
      markOf(s).toLowerCase() === wanted ||
      (s.round && wordsOf(s).some((w) => w.toLowerCase() === wanted)),
  );
}
