import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { platformOptions, type PlatformCommand, type PlatformValues } from './platform/platform-context.ts';
import { subcommandHelps } from './subcommand-help.ts';

const HELP = `klarmeld platform: the embedded test platform (KOMBIT's external test environment with Korsbæk Kommune)

Usage:
  klarmeld platform start [--host 127.0.0.1] [--port 8443] [--no-validation]   run it (Ctrl+C stops)
  klarmeld platform system add <name> [--supplier CVR] [--callback URL] [--json] register an it-system, issue its certificate
  klarmeld platform system list [--json]
  klarmeld platform system revoke <uuid|name> [--json]                         revoke its certificate at once
  klarmeld platform agreement add --system <uuid|name> --service <SF or service name> --municipality <CVR> [--json]
  klarmeld platform agreement approve <uuid> [--json]                          approve a pending agreement
  klarmeld platform agreement list [--system <uuid|name>] [--json]
  klarmeld platform message send --to <uuid|name> --type <Beskedtype> [--cvr CVR] [--json]
                                                                              SF1461 push to the system's callback
  klarmeld platform example person-lookup --system <uuid|name> [--pnr PNR]    a PersonLookup envelope with the system's
                                                                              InvocationContext, ready for curl --data-binary
  klarmeld platform exchanges --system <uuid|name> [--since ISO] [--json]     what the platform recorded for a system
  klarmeld platform fixtures [--json]                                         test persons, units and users

Every command takes --data DIR (default .klarmeld/platform in the project). Agreements with
Korsbæk Kommune (11111111) are approved at once (prøvetilslutning); others stay pending.`;

const commands = subcommandHelps(HELP, 'platform');

/** Each command's file, loaded only when it runs. */
const handlers: Record<string, () => Promise<PlatformCommand>> = {
  start: async () => (await import('./platform/start.ts')).start,
  fixtures: async () => (await import('./platform/fixtures.ts')).fixtures,
  message: async () => (await import('./platform/message.ts')).message,
  example: async () => (await import('./platform/example.ts')).example,
  exchanges: async () => (await import('./platform/exchanges.ts')).exchanges,
  system: async () => (await import('./platform/system.ts')).system,
  agreement: async () => (await import('./platform/agreement.ts')).agreement,
};

/** `klarmeld platform <command>`: parses the options, finds the data directory and hands both to the command. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, {
    help: HELP,
    options: platformOptions,
    takes: 'command',
    allowNegative: true,
    group: { name: 'platform', commands },
  });
  if ('exit' in parsed) return parsed.exit;
  const values = parsed.values as PlatformValues;
  const [command, sub, ...rest] = parsed.positionals;
  const { platformDataDir } = await import('../services/platform-data-dir.ts');
  const dataDir = platformDataDir(values.data as string | undefined);
  const load = command !== undefined && Object.hasOwn(handlers, command) ? handlers[command] : undefined;
  if (!load) throw new UsageError(`Unknown command "platform ${command}".\n\n${HELP}`);
  return (await load())({ dataDir, sub, rest, values, help: HELP });
}
