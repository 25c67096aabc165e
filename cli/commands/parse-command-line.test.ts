import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';

const HELP = 'klarmeld thing: the help';
const options = { json: { type: 'boolean', default: false }, dir: { type: 'string' } } as const;

/** Captures what the parser prints (only the help). */
function capture() {
  return vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
}
afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseCommandLine', () => {
  it('gives the values and arguments', () => {
    expect(parseCommandLine(['run.json', '--json', '--dir', 'd'], { help: HELP, options, takes: 'arguments' })).toEqual(
      {
        values: { json: true, dir: 'd', help: false },
        positionals: ['run.json'],
      },
    );
  });

  it('turns a parse error into a UsageError that ends with the help', () => {
    for (const argv of [['--jsn'], ['--dir'], ['extra']]) {
      const parse = () => parseCommandLine(argv, { help: HELP, options, takes: 'options' });
      expect(parse).toThrow(UsageError);
      expect(parse).toThrow(new RegExp(`\\n\\n${HELP}$`));
    }
  });

  it('prints the help for --help and -h and gives exit 0, whatever else is on the line', () => {
    const out = capture();
    expect(parseCommandLine(['--help'], { help: HELP, options, takes: 'options' })).toEqual({ exit: 0 });
    expect(parseCommandLine(['show', '-h'], { help: HELP, options, takes: 'command' })).toEqual({ exit: 0 });
    expect(out.mock.calls.map((c) => c[0])).toEqual([`${HELP}\n`, `${HELP}\n`]);
  });

  it('prints a group\'s help for "help" (exit 0) and for no command at all (exit 2)', () => {
    const out = capture();
    expect(parseCommandLine(['help'], { help: HELP, options, takes: 'command' })).toEqual({ exit: 0 });
    expect(parseCommandLine(['--json'], { help: HELP, options, takes: 'command' })).toEqual({ exit: 2 });
    expect(out).toHaveBeenCalledTimes(2);
    expect(parseCommandLine([], { help: HELP, options, takes: 'arguments' })).toMatchObject({ positionals: [] });
  });

  it('accepts --no-<name> only when asked to', () => {
    const negatable = { validation: { type: 'boolean', default: true } } as const;
    expect(
      parseCommandLine(['start', '--no-validation'], {
        help: HELP,
        options: negatable,
        takes: 'command',
        allowNegative: true,
      }),
    ).toMatchObject({ values: { validation: false } });
    expect(() =>
      parseCommandLine(['start', '--no-validation'], { help: HELP, options: negatable, takes: 'command' }),
    ).toThrow(UsageError);
  });
});
