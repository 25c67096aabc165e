/**
 * The ways the reference system can be told to misbehave (REFERENCE_SYSTEM_FAULT=<name>), so
 * that klarmeld's own tests can prove each suite catches a real mistake. Each is a mistake
 * suppliers make.
 */
export const faultNames = [
  /** Writes the UUIDs it sends in upper case (Serviceplatformen's XSD allows only a-f). */
  'upper-case-uuids',
  /** Sends a ServiceAgreementUUID that is not an agreement of this it-system. */
  'wrong-agreement',
  /** Keeps using its cached token after it expired instead of renewing it. */
  'expired-token',
  /** Gives up after one dropped connection instead of retrying. */
  'no-retry',
  /** Answers every Beskedfordeler push with StatusKode 20, even a malformed one. */
  'bad-push-reply',
  /** Sends SOAP 1.2 to the SOAP 1.1 CPR service and SOAP 1.1 to the SOAP 1.2 Støttesystemer. */
  'wrong-soap-version',
] as const;

export type FaultName = (typeof faultNames)[number];

/** Reads the fault from its environment value; an unknown name stops the system with a clear message. */
export function parseFault(value: string | undefined): FaultName | undefined {
  if (!value) return undefined;
  if ((faultNames as readonly string[]).includes(value)) return value as FaultName;
  throw new Error(`REFERENCE_SYSTEM_FAULT=${value} is not a fault the reference system knows. Use one of: ${faultNames.join(', ')}`);
}
