/**
 * What every `klarmeld sheet <command>` is given by the group (sheet.ts): its parsed options, its
 * arguments, the sheet's path and who acts.
 */
import type { ParsedCommandLine } from '../parse-command-line.ts';

export const sheetOptions = {
  sheet: { type: 'string' },
  catalog: { type: 'string' },
  json: { type: 'boolean', default: false },
  supplier: { type: 'string' },
  area: { type: 'string' },
  status: { type: 'string' },
  reason: { type: 'string' },
  actor: { type: 'string' },
  xlsx: { type: 'string' },
  key: { type: 'string' },
  name: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  round: { type: 'string' },
  note: { type: 'string' },
} as const;

export interface SheetContext {
  values: Extract<ParsedCommandLine<typeof sheetOptions>, { values: unknown }>['values'];
  /** The command's arguments (after its name). */
  rest: string[];
  sheetPath: string;
  /** --actor, else the user's login name. */
  actor: string;
  /** stdout is a terminal: formatted views instead of plain text. */
  tty: boolean;
  /** Refuses (usage error with the help) a command given fewer than min or more than max arguments. */
  args: (min: number, max: number, what: string) => void;
}

export type SheetCommand = (context: SheetContext) => Promise<number>;

export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export async function render(element: Parameters<typeof import('../../ui/render.ts').renderOnce>[0]) {
  const { renderOnce } = await import('../../ui/render.ts');
  renderOnce(element, process.stdout);
}
