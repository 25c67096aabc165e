import type { RecordOutcome } from '../services/sheet-record-run.ts';
import { formatRecorded } from './test-summary.ts';

/**
 * What a command says when Ctrl-C (or SIGTERM) ended its run: that it was interrupted, and what
 * it left behind in the sheet and on disk, so nobody wonders whether a half run counted.
 */
export function formatInterrupted(command: string, result?: { recorded?: RecordOutcome; written: string[] }): string {
  const lines = [`${command} was interrupted before the run finished, so it shows nothing about the system.`];
  lines.push(result?.recorded ? formatRecorded(result.recorded) : 'Nothing was recorded in the sheet.');
  lines.push(...(result?.written.length ? result.written.map((file) => `Wrote ${file}`) : ['No report was written.']));
  return `${lines.join('\n')}\n`;
}
