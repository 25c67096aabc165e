import { personLookupEnvelope } from '../../conformance/clients/cpr/person-lookup-envelope.ts';

/** Korsbæk's test persons the platform benches look up, in turn (fictional CPR numbers). */
export const benchPnrs = ['0103701111', '1204681113', '2408124117', '0709991112', '1111851226', '1508421119'];

/**
 * One SF1520 PersonLookup envelope per bench person, with the InvocationContext of the bench's
 * system and its agreement, as a supplier's system sends it.
 */
export function personLookupBodies(
  systemUuid: string,
  agreement: { agreementUuid: string; serviceUuid?: string },
): string[] {
  return benchPnrs.map((pnr) =>
    personLookupEnvelope({
      pnr,
      invocation: {
        serviceAgreementUuid: agreement.agreementUuid,
        userSystemUuid: systemUuid,
        userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
        serviceUuid: agreement.serviceUuid!,
      },
    }),
  );
}
