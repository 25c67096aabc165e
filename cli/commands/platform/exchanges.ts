import { UsageError } from '../../usage-error.ts';
import { out, printJson, type PlatformContext } from './platform-context.ts';

/** `platform exchanges`: the signed exchanges recorded for one system (the same records `GET /klarmeld/exchanges` gives that system). */
export async function exchanges({ dataDir, sub, values, help }: PlatformContext): Promise<number> {
  if (sub !== undefined || typeof values.system !== 'string')
    throw new UsageError(`Use "platform exchanges --system <uuid|name> [--since ISO]".\n\n${help}`);
  if (typeof values.since === 'string' && Number.isNaN(Date.parse(values.since)))
    throw new UsageError(`--since ${values.since} is not an ISO 8601 time, e.g. 2026-01-01T00:00:00Z.`);
  const { openPlatformAdmin } = await import('../../services/platform-admin.ts');
  const { ExchangeRecorder } = await import('../../../conformance/platform/index.ts');
  const { loadOrCreateSigner } = await import('../../../conformance/platform/index.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const system = session.registry.findSystem(values.system);
    if (!system) {
      process.stderr.write(`No it-system ${values.system}. List them with: klarmeld platform system list\n`);
      return 1;
    }
    const recorder = new ExchangeRecorder(session.database, loadOrCreateSigner(session.database));
    const since = typeof values.since === 'string' ? new Date(values.since).toISOString() : undefined;
    // Every exchange, page by page (the recorder reads at most 1000 at a time).
    const list = [...recorder.pages({ systemUuid: system.uuid, since, limit: 1000 })].flat();
    if (values.json) printJson({ systemUuid: system.uuid, exchanges: list });
    else {
      out(
        list.length === 0
          ? `No exchanges recorded for ${system.name}.`
          : list
              .map(
                (e) =>
                  `${e.time}  ${String(e.status).padEnd(3)}  ${(e.integration ?? '-').padEnd(7)} ${(e.operation ?? e.path).padEnd(16)} ${e.latencyMs.toFixed(1).padStart(7)} ms` +
                  `${e.fault ? `  fault ${e.fault.code}: ${e.fault.text}` : ''}${e.findings.length ? `  (${e.findings.length} finding${e.findings.length > 1 ? 's' : ''})` : ''}`,
              )
              .join('\n'),
      );
    }
    return 0;
  } finally {
    session.close();
  }
}
