import type { Service } from '../../../catalog/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { fail } from '../shared/steps.ts';
import { nowOf } from '../shared/world.ts';
import type { Browser, Page } from './browser.ts';
import {
  messageFields,
  postFormOf,
  readRedirectUrl,
  SAML,
  type MessageFields,
  type RedirectRead,
} from './saml-reading.ts';
import { idpRedirectLocation, type WebDoor } from './web-door.ts';

type SamlService = NonNullable<Service['saml']>;

/** A request the system sent through the browser to the IdP, read. */
export interface SentRequest {
  location: string;
  read: RedirectRead;
  fields: MessageFields;
}

/**
 * Opens one of the system's pages (login or logout) and reads the SAML request it redirects the
 * browser to the IdP with. Fails, saying what the page did, when it does not.
 */
export async function requestFrom(
  env: SuiteEnvironment,
  browser: Browser,
  page: string,
  saml: SamlService,
  expected: 'AuthnRequest' | 'LogoutRequest',
): Promise<SentRequest> {
  const answer = await browser.get(page);
  const to = idpRedirectLocation(env, saml);
  if (!answer.location || answer.status < 300 || answer.status >= 400)
    fail(`Opening ${page} answered HTTP ${answer.status}, not a redirect to the IdP at ${to} with a ${expected}`);
  const read = readRedirectUrl(answer.location, 'SAMLRequest');
  if (typeof read === 'string') fail(`${page} redirects to ${answer.location}, but ${read}`);
  if (read.endpoint !== to) fail(`${page} sends the ${expected} to ${read.endpoint}; the IdP takes it at ${to}`);
  const fields = messageFields(read.xml);
  if (typeof fields === 'string') fail(`The SAMLRequest cannot be read: ${fields}`);
  if (fields.name !== expected || fields.namespace !== 'urn:oasis:names:tc:SAML:2.0:protocol')
    fail(`The SAMLRequest is a {${fields.namespace}}${fields.name}, not a SAML 2.0 ${expected}`);
  return { location: answer.location, read, fields };
}

/** What every signed SAML request must have: problems in words, empty when none (core §3.2.1, bindings §3.4.5.2). */
export function commonProblems(env: SuiteEnvironment, sent: SentRequest, door: WebDoor): string[] {
  const a = sent.fields.attributes;
  const problems: string[] = [];
  if (sent.fields.issuer !== door.entityId)
    problems.push(`Issuer is ${sent.fields.issuer ?? 'missing'}, not the system's entityID ${door.entityId}`);
  if (!a.ID || !/^[A-Za-z_][\w.-]*$/.test(a.ID))
    problems.push(`ID is ${a.ID ?? 'missing'}; it must be an xs:ID (start with a letter or _)`);
  if (a.Version !== '2.0') problems.push(`Version is ${a.Version ?? 'missing'}, not 2.0`);
  const instant = a.IssueInstant ? Date.parse(a.IssueInstant) : NaN;
  if (Number.isNaN(instant)) problems.push('IssueInstant is missing or no xs:dateTime');
  else if (Math.abs(instant - nowOf(env)) > 5 * 60_000)
    problems.push(`IssueInstant ${a.IssueInstant} is more than five minutes from now`);
  if (a.Destination !== sent.read.endpoint)
    problems.push(
      `Destination is ${a.Destination ?? 'missing'}; a signed request names where it is sent (${sent.read.endpoint})`,
    );
  return problems;
}

/** The IdP's answer to a login, posted on by the browser to the system's AssertionConsumerService. */
export interface LoginOutcome {
  response: string;
  fields: MessageFields;
  /** The page the system showed after the post (redirects followed). */
  landed: Page;
}

/** Follows the system's AuthnRequest to the IdP (asking it for a defective Response, if named) and posts its answer on to the system. */
export async function completeLogin(browser: Browser, sent: SentRequest, defect?: string): Promise<LoginOutcome> {
  const idpPage = await browser.get(defect ? `${sent.location}&klarmeld-defect=${defect}` : sent.location);
  const form = postFormOf(idpPage.body);
  if (!form?.fields.SAMLResponse)
    fail(`The IdP answered HTTP ${idpPage.status} without a SAMLResponse form: ${idpPage.body.slice(0, 300)}`);
  const response = Buffer.from(form.fields.SAMLResponse, 'base64').toString('utf8');
  const fields = messageFields(response);
  if (typeof fields === 'string') fail(`The IdP's SAMLResponse cannot be read: ${fields}`);
  const landed = await browser.follow(await browser.post(form.action, form.fields));
  return { response, fields, landed };
}

/** What the system shows as the logged-in user (its session page, JSON), or undefined when it shows nobody. */
export async function shownUser(
  browser: Browser,
  door: WebDoor,
): Promise<{ user?: string; cvr?: string; privileges?: string[] } | undefined> {
  const page = await browser.get(door.session);
  if (page.status !== 200) return undefined;
  try {
    const shown = JSON.parse(page.body) as { user?: string; cvr?: string; privileges?: string[] };
    return shown.user ? shown : undefined;
  } catch {
    fail(`The session page ${door.session} answered 200 with no JSON: ${page.body.slice(0, 200)}`);
  }
}

/** The values of one attribute of an assertion. */
export function attributeValues(response: string, suffix: string): string[] {
  const at = response.search(new RegExp(`<(\\w+:)?Attribute [^>]*Name="[^"]*${suffix}"`));
  if (at < 0) return [];
  const end = response.indexOf('Attribute>', at + 10);
  return [...response.slice(at, end).matchAll(/<(?:\w+:)?AttributeValue[^>]*>([^<]*)</g)].map((m) => m[1]!);
}

/** The privilege URIs of an OIOSAML basic privilege list (base64), as KOMBIT's Privileges_intermediate carries it. */
export const privilegesOf = (base64: string | undefined) =>
  base64
    ? [
        ...Buffer.from(base64, 'base64')
          .toString('utf8')
          .matchAll(/<Privilege>([^<]+)<\/Privilege>/g),
      ].map((m) => m[1]!)
    : [];

export { SAML };
