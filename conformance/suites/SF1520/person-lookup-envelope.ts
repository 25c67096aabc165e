import { personLookupEnvelope as buildPersonLookup } from '../../clients/index.ts';
import { services } from '../shared/suite-services.ts';

/**
 * The PersonLookup the runner sends as the system in the platform test: SOAP 1.1 with an
 * InvocationContext in the request element, exactly as the official contract defines it (the
 * clients' builder, which escapes every value). The ServiceUUID is PersonBaseDataExtended's.
 */
export function personLookupEnvelope(options: {
  agreementUuid: string;
  userSystemUuid: string;
  cpr: string;
  userUuid?: string;
}): string {
  return buildPersonLookup({
    pnr: options.cpr,
    invocation: {
      serviceAgreementUuid: options.agreementUuid,
      userSystemUuid: options.userSystemUuid,
      userUuid: options.userUuid ?? '00000000-0000-4000-8000-000000000001',
      serviceUuid: services.personLookup.serviceUuid,
    },
  });
}
