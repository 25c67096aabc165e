import { z } from 'zod';

/**
 * The actions the runner can ask a system to perform through its trigger hook, each with
 * its parameters. A system answers `{ ok: true, result }` or `{ ok: false, error: { code, message } }`;
 * `unsupported-action` means the system cannot do it (the test that needs it is skipped).
 *
 * The result says what the system showed, stored or did, and the suites check it against
 * Korsbæk's data (conformance/suites/CLAIMS.md has the table): `{ "ok": true }` alone proves
 * nothing where a test says the system shows or keeps something.
 */
export const triggerActions = {
  /**
   * Get a token for the service with this entityID (SF1514): the cached one while it is valid,
   * or with `fresh` a new one from the STS whatever the cache holds (as after a restart).
   * Result: `{ assertionId }`, the ID of the token the STS issued.
   */
  'sts.get-token': z.strictObject({ entityId: z.string().min(1), fresh: z.boolean().optional() }),
  /**
   * Look a person up in CPR (SF1520 PersonLookup). Result: the person shown, with the first and
   * last name the CPR replica gives, e.g. `{ cpr, name, address }` (a CPR number or address, when
   * given, must be the person's). An unknown person: error code `person-not-found`.
   */
  'cpr.lookup': z.strictObject({ cpr: z.string().regex(/^\d{10}$/) }),
  /** Read one user (SF1500 Bruger laes). Result: `{ uuid, name }` as Organisation gives it; an unknown user: error code `user-not-found`. */
  'organisation.read-user': z.strictObject({ uuid: z.string().min(1) }),
  /** Search organisation units (SF1500 OrganisationEnhed soeg). Result: `{ unitUuids: [...] }`, the units found. */
  'organisation.search-units': z.strictObject({ name: z.string().optional() }),
  /**
   * Index a case in Sags- og dokumentindeks (SF1470 importer): the case with this UUID, or the
   * system's own case with this case reference, which the system gives a UUID the first time and
   * reuses every time after (the result names it: `{ caseUuid }`).
   */
  'sdi.import-case': z.union([
    z.strictObject({ caseUuid: z.string().min(1), title: z.string().min(1), cpr: z.string().optional() }),
    z.strictObject({ caseReference: z.string().min(1), title: z.string().min(1), cpr: z.string().optional() }),
  ]),
  /** Search the index (SF1470 fremsoeg). Result: `{ caseUuids: [...] }`. */
  'sdi.search': z.strictObject({ caseUuid: z.string().optional(), cpr: z.string().optional() }),
  /** Remove a case from the index (SF1470 fjern). */
  'sdi.remove-case': z.strictObject({ caseUuid: z.string().min(1) }),
  /** What the system did with the Beskedfordeler messages pushed to it (SF1461). Result: the message `{ messageUuid, messageType }`, or the list of them. */
  'beskedfordeler.received': z.strictObject({ messageUuid: z.string().optional() }),
  /**
   * Call one operation of a service whose contract the catalogue holds (the generic suites, issue
   * 12): the system makes the call it makes for its user, with `values` (by a field's local name
   * or a path of local names below the request element, e.g. `HovedOplysninger/TransaktionsId`)
   * in the fields they name. Result: what the system showed its user of the answer, holding the
   * values the service returned (e.g. `{ "responseString": "Hej fra Korsbæk Kommune …" }`). A
   * refusal by the service (a fault, StandardRetur other than 20, SvarReaktion/Fejl): `ok: false`.
   */
  'contract.call': z.strictObject({
    integration: z.string().min(1),
    service: z.string().min(1).optional(),
    operation: z.string().min(1),
    values: z.record(z.string(), z.string()).optional(),
  }),
  /**
   * Move the system's clock (forward, or back with negative seconds), so that the runner can
   * see it renew a token before it expires without waiting eight hours. The runner moves it
   * back afterwards. A test hook; systems that lack it skip those tests.
   */
  'system.advance-clock': z.strictObject({ seconds: z.number().int() }),
  /**
   * Say where the system's web login is (SF1511 login and SF1515 logout through the Context
   * Handler): the runner then plays the user's browser. Result: `{ entityId, login, logout,
   * session, assertionConsumerService, singleLogoutService }`: the system's SAML entityID; the
   * pages a user opens to log in and to log out (each answers with a redirect to the IdP carrying a
   * signed AuthnRequest or LogoutRequest, HTTP-Redirect binding); the page that shows who is logged
   * in (JSON `{ user, cvr, privileges }` for the browser's session, 401 when nobody is); and the
   * addresses where the IdP posts its Response and sends its LogoutResponse. The browser keeps the
   * cookies the pages set. On the embedded platform the runner registers the system as the
   * Context Handler's service provider with these addresses and its certificate.
   */
  'web.describe': z.strictObject({}),
} as const;

export type TriggerAction = keyof typeof triggerActions;
export type TriggerParams<A extends TriggerAction> = z.infer<(typeof triggerActions)[A]>;

export const triggerActionNames = Object.keys(triggerActions) as TriggerAction[];

/** What the system answers to a trigger. */
export const triggerReply = z.union([
  z.strictObject({ ok: z.literal(true), result: z.unknown().optional() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({ code: z.string().min(1), message: z.string().default('') }),
  }),
]);

export type TriggerReply = z.infer<typeof triggerReply>;
