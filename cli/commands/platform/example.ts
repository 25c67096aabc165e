import { UsageError } from '../../usage-error.ts';
import { out, type PlatformContext } from './platform-context.ts';

/**
 * `platform example person-lookup`: the SOAP envelope a new user can POST with curl, filled with
 * the system's UUID and its approved SF1520 agreement with Korsbæk.
 */
export async function example({ dataDir, sub, rest, values, help }: PlatformContext): Promise<number> {
  if (sub !== 'person-lookup' || rest.length > 0 || typeof values.system !== 'string') {
    throw new UsageError(`Use "platform example person-lookup --system <uuid|name> [--pnr PNR]".\n\n${help}`);
  }
  const { openPlatformAdmin } = await import('../../services/platform-admin.ts');
  const { personLookupEnvelope } = await import('../../../conformance/clients/index.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const system = session.registry.findSystem(values.system);
    const agreement =
      system &&
      session.registry
        .agreementsOf(system.uuid)
        .find((a) => a.integration === 'SF1520' && a.status === 'approved' && a.serviceUuid);
    if (!system || !agreement) {
      process.stderr.write(
        `${system ? `It-system ${system.name} has no approved SF1520 agreement` : `No it-system ${values.system}`}. Run: klarmeld platform agreement add --system "${values.system}" --service SF1520 --municipality 11111111\n`,
      );
      return 1;
    }
    out(
      personLookupEnvelope({
        pnr: String(values.pnr),
        invocation: {
          serviceAgreementUuid: agreement.uuid,
          userSystemUuid: system.uuid,
          userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
          serviceUuid: agreement.serviceUuid!,
        },
      }),
    );
    return 0;
  } finally {
    session.close();
  }
}
