/**
 * The frame of `platform system …` and `platform agreement …`: the command line is checked before
 * the data directory is opened (or created), and a refusal of the registry (PlatformAdminError)
 * is printed for the reader with exit 1, not thrown.
 */
import { UsageError } from '../../usage-error.ts';
import { out, printJson, type PlatformContext } from './platform-context.ts';

/** Refuses a command line of the wrong shape: `shapes` gives each verb's number of arguments. */
export function checkShape(
  command: string,
  shapes: Record<string, number>,
  { sub, rest, help }: PlatformContext,
): void {
  const expected = sub === undefined ? undefined : shapes[sub];
  if (expected === undefined || rest.length !== expected) {
    throw new UsageError(
      `"platform ${[command, sub].filter(Boolean).join(' ')}" is not a valid command line.\n\n${help}`,
    );
  }
}

/** The opened data directory: its registry, admin and database. */
export type AdminSession = Awaited<ReturnType<typeof import('../../services/platform-admin.ts').openPlatformAdmin>>;

/** Prints a value as JSON (--json) or as its plain text. */
export type Emit = (value: unknown, plain: string) => void;

export async function withAdminSession(
  context: PlatformContext,
  act: (session: AdminSession, emit: Emit) => Promise<void>,
): Promise<number> {
  const { openPlatformAdmin, PlatformAdminError } = await import('../../services/platform-admin.ts');
  const { values } = context;
  const session = await openPlatformAdmin(context.dataDir);
  try {
    await act(session, (value, plain) => (values.json ? printJson(value) : out(plain)));
    return 0;
  } catch (error) {
    if (error instanceof PlatformAdminError) {
      if (values.json) printJson({ code: error.code, message: error.message });
      else process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    session.close();
  }
}
