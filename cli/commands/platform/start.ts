import { UsageError } from '../../usage-error.ts';
import { out, type PlatformContext } from './platform-context.ts';

/** `platform start`: runs the platform until Ctrl+C (or SIGTERM); exit 3 when it cannot listen or its data clashes with the catalogue. */
export async function start({ dataDir, values }: PlatformContext): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${values.port} is not a port number (0 to 65535).`);
  const { startPlatform } = await import('../../../conformance/platform/index.ts');
  const { startedText } = await import('../../ui/platform-text.ts');
  let platform;
  try {
    platform = await startPlatform({
      dataDir,
      host: values.host as string,
      port,
      validation: values.validation !== false,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'catalogue-clash') {
      process.stderr.write(`${e.message}\n`);
      return 3;
    }
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
      process.stderr.write(
        `Cannot listen on ${values.host}:${port} (${e.code}). Is another platform running? Choose another --port.\n`,
      );
      return 3;
    }
    throw error;
  }
  out(
    values.json
      ? JSON.stringify({
          url: platform.url,
          caPath: platform.caPath,
          dataDir,
          services: platform.paths,
          problems: platform.problems,
        })
      : startedText({ ...platform, dataDir }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await platform.stop();
  out('klarmeld test platform stopped.');
  return 0;
}
