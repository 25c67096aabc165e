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
  /** Sends SOAP 1.2 to the SOAP 1.1 CPR service. */
  'wrong-soap-version',
  /** Calls the Støttesystemer (Organisation, the index) with SOAP 1.1 instead of SOAP 1.2. */
  'soap-1-1-to-stoettesystemer',
  /** Looks the person up but answers the trigger with `{ "ok": true }` and no person. */
  'empty-result',
  /** Looks the person up but shows another Korsbæk person: the spouse named in the answer's relations. */
  'wrong-person',
  /** Leaves UserUUID out of the InvocationContext of PersonLookup. */
  'incomplete-invocation-context',
  /** Sends PersonLookup's InvocationContext as a SOAP Header instead of inside the request element. */
  'invocation-context-in-header',
  /** Names another it-system's UUID as UserSystemUUID (one copied from a colleague's test system). */
  'foreign-user-system',
  /** Names another service's ServiceUUID (SF1530 CVR's) in PersonLookup's InvocationContext. */
  'wrong-service-uuid',
  /** Shows an empty person card for a CPR number the CPR replica does not know, instead of "not found". */
  'not-found-as-success',
  /** Retries PersonLookup after a ServiceplatformFault (e.g. not found), as if it were a dropped connection. */
  'retry-on-fault',
  /** Leaves OnBehalfOfUser (who is at the keyboard) out of the InvocationContext. */
  'anonymous-lookup',
  /** Gets a token but does not say which (sts.get-token answers without assertionId). */
  'token-not-reported',
  // The next four change the token request itself. They apply to the tokens asked for through the
  // trigger (sts.get-token, what the SF1514 suite drives), not to those the system gets for its
  // Organisation and index calls: otherwise every SF1500 and SF1470 test fails too, for the same
  // cause, and each run takes four times as long.
  /** Names another municipality (CVR 99999999) in the token request's CvrNumberIdentifier claim. */
  'wrong-municipality',
  /** Asks the STS for a token for another entityID than the service's (AppliesTo). */
  'wrong-applies-to',
  /** Puts another certificate (the platform CA's) in UseKey, so the token would not be bound to ours. */
  'unbound-token-request',
  /** Sends every token request with the same WS-Addressing MessageID. */
  'fixed-message-id',
  /** Asks the STS for a new token for every call instead of reusing the valid one. */
  'no-token-cache',
  /** Reports success when the STS refuses a token. */
  'token-refusal-ignored',
  /** Calls Organisation with its Sags- og dokumentindeks token and the index with its Organisation token. */
  'wrong-token-audience',
  /** Addresses its Organisation calls (WS-Addressing To) to the service's entityID instead of the endpoint it calls. */
  'wsa-to-entity-id',
  /** Reads the user but answers the trigger with `{ "ok": true }` and no user. */
  'user-not-shown',
  /** Searches the units but reports none of those found. */
  'units-not-shown',
  /** Shows an empty user for a UUID Organisation does not have, instead of "not found". */
  'user-not-found-as-success',
  /** Sends importer with a wrong WS-Addressing Action (…/sagdokumentindeks/import). */
  'wrong-importer-action',
  /** Gives its case a new UUID each time it indexes it, so the index holds it twice. */
  'new-uuid-on-reimport',
  /** Searches the index but reports no case found (reads the wrong part of the answer). */
  'search-finds-nothing',
  /** Says a case was removed without calling fjern. */
  'remove-without-fjern',
  /** Lets callers without a client certificate reach the Beskedfordeler callback. */
  'callback-without-client-certificate',
  /** Answers every push with StatusKode 40, even a well-formed message. */
  'refuse-pushes',
  /** Answers pushes with a bare StandardRetur, without the ModtagBeskedOutput the contract defines. */
  'bare-push-reply',
  /** Keeps a received message without its Beskedtype. */
  'message-type-dropped',
  /** Answers its first push only after 3.2 s (a cold start: it opens its message store on the first push), past the Beskedfordeler's 3 s. */
  'slow-first-push',
  /** Keeps a message once for every delivery, so a repeated delivery is processed twice. */
  'duplicates-stored',
  // The web login through the Context Handler (SF1511) and its logout (SF1515).
  /** Tells the runner (web.describe) an AssertionConsumerService that is no address, so the Context Handler cannot register it. */
  'saml-bad-acs-address',
  /** Writes the AuthnRequest's IssueInstant by a clock an hour behind. */
  'saml-stale-issue-instant',
  /** Sends its AuthnRequest without the Redirect binding's signature. */
  'saml-unsigned-authn-request',
  /** Logs a user in on a Response whose assertion is not signed. */
  'saml-accept-unsigned',
  /** Checks the assertion's signature with the certificate the Response carries, not the IdP's from its metadata. */
  'saml-any-signer',
  /** Logs a user in on an expired assertion. */
  'saml-ignore-expiry',
  /** Logs a user in on an assertion for another system (Audience). */
  'saml-ignore-audience',
  /** Shows the logged-in user but not the privileges the assertion gives. */
  'saml-privileges-not-shown',
  /** Leaves SessionIndex out of its LogoutRequest. */
  'saml-logout-without-session-index',
  /** Sends its LogoutRequest without the Redirect binding's signature. */
  'saml-unsigned-logout',
  /** Sends the LogoutRequest but keeps the user's session in the system. */
  'saml-session-kept',
  // The generic action (contract.call, the generic suites of the integrations with an imported contract).
  /** Adds an element the contract does not have to every request it builds from a contract. */
  'contract-unknown-element',
  /** Names the action of another operation (SOAPAction, WS-Addressing Action) in its contract calls. */
  'contract-wrong-action',
  /** Sends its contract calls without their action: no SOAPAction header (SOAP 1.1), no action in the content type (SOAP 1.2). */
  'contract-missing-soapaction',
  /** Calls with another it-system's UUID (Serviceplatformen) or a token for another service's entity ID (Støttesystemer). */
  'contract-wrong-credentials',
  /** Writes the UUIDs of its contract calls in upper case. */
  'contract-upper-case-uuids',
  /** Reports success when a contract-called service refuses (a fault, StandardRetur 50, SvarReaktion/Fejl). */
  'contract-fault-as-success',
  /** Calls again, twice, after a contract-called service refused, as if a fault were a dropped connection. */
  'contract-retry-on-fault',
  /** Calls the service but shows its user nothing of the answer. */
  'contract-data-not-shown',
  // The REST operations of the generic suites (imported from OpenAPI; contract.call too). The three
  // faults above that say what the user sees (fault as success, retry on fault, data not shown) apply to them as well.
  /** Sends a REST call the contract refuses: a path value over its maximum length, or an unknown property in the JSON body. */
  'rest-invalid-request',
  /** Leaves the required x-TransaktionsId header out of its REST calls. */
  'rest-missing-transaktionsid',
  /** Calls a REST service with a token for another service's entity ID. */
  'rest-wrong-token',
  /** Keeps using its REST token after its expires_in has passed instead of getting a new one. */
  'rest-expired-token',
] as const;

export type FaultName = (typeof faultNames)[number];

/** The faults switched on; empty for the well-behaved system. */
export type Faults = ReadonlySet<FaultName>;

/**
 * Reads the faults from their environment value: one name, or several separated by commas (so
 * that klarmeld's tests can break the system in several integrations in one run). An unknown
 * name stops the system with a clear message.
 */
export function parseFaults(value: string | undefined): Faults {
  const names = (value ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(faultNames as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new Error(
      `REFERENCE_SYSTEM_FAULT=${value} names ${unknown.join(', ')}, which the reference system does not know. Use one or more (comma-separated) of: ${faultNames.join(', ')}`,
    );
  }
  return new Set(names as FaultName[]);
}
