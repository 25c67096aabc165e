/**
 * What every `klarmeld platform <command>` is given by the group (platform.ts): the platform's
 * data directory, the words after the command's name, its options, and the group's help for
 * usage errors.
 */
export const platformOptions = {
  json: { type: 'boolean', default: false },
  data: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8443' },
  validation: { type: 'boolean', default: true },
  supplier: { type: 'string' },
  callback: { type: 'string' },
  system: { type: 'string' },
  service: { type: 'string' },
  municipality: { type: 'string' },
  to: { type: 'string' },
  pnr: { type: 'string', default: '0103701111' },
  since: { type: 'string' },
  type: { type: 'string' },
  cvr: { type: 'string' },
} as const;

export type PlatformValues = Record<string, string | boolean | undefined>;

export interface PlatformContext {
  dataDir: string;
  /** The word after the command (`add` in `platform system add`), if any. */
  sub: string | undefined;
  /** The words after that. */
  rest: string[];
  values: PlatformValues;
  help: string;
}

export type PlatformCommand = (context: PlatformContext) => Promise<number>;

export const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
export const printJson = (value: unknown) => out(JSON.stringify(value, null, 2));
