import { UsageError } from '../../usage-error.ts';
import { out, printJson, type PlatformContext } from './platform-context.ts';

/** `platform message send`: the Beskedfordeler pushes to the system's callback endpoint(s), with retries; exit 1 when not delivered. */
export async function message({ dataDir, sub, rest, values, help }: PlatformContext): Promise<number> {
  if (sub !== 'send' || rest.length > 0 || typeof values.to !== 'string' || typeof values.type !== 'string') {
    throw new UsageError(`Use "platform message send --to <uuid|name> --type <Beskedtype>".\n\n${help}`);
  }
  const { openPlatformAdmin } = await import('../../services/platform-admin.ts');
  const { messageDeps } = await import('../../../conformance/platform/index.ts');
  const { sendMessage, MessageError } = await import('../../../conformance/platform/index.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const deps = await messageDeps({
      registry: session.registry,
      database: session.database,
      pki: session.pki,
      clock: () => new Date(),
    });
    const deliveries = await sendMessage(deps, {
      to: values.to,
      type: values.type,
      ...(typeof values.cvr === 'string' ? { cvr: values.cvr } : {}),
    });
    if (values.json) printJson({ deliveries });
    else
      out(
        deliveries
          .map((d) => `${d.status.padEnd(9)} ${d.url}  besked ${d.beskedId}  ${d.attempts.length} attempt(s)`)
          .join('\n'),
      );
    return deliveries.every((d) => d.status === 'delivered') ? 0 : 1;
  } catch (error) {
    if (!(error instanceof MessageError)) throw error;
    if (values.json) printJson({ code: error.code, message: error.message });
    else process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    session.close();
  }
}
