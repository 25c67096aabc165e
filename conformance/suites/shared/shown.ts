import { fullNameOf, type KorsbaekPerson } from '../../../catalog/index.ts';
import type { TriggerOutcome } from './environment.ts';
import { expectOk, fail, skip } from './steps.ts';

/**
 * Checks of what a system says it showed its user (the trigger reply's `result`), compared with
 * Korsbæk's test data the platform serves. A reply of `{ "ok": true }` alone proves nothing: a
 * test whose title says the system shows something fails on it, naming what was missing.
 */

/** Every value in a result with the name of the field that holds it (depth first, arrays flattened). */
export function leavesOf(value: unknown, key = ''): { key: string; text: string }[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return [{ key, text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((v) => leavesOf(v, key));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leavesOf(v, k));
  return [];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const fullName = fullNameOf;
/** Whether the texts name the person: first and last name both appear as words. */
const names = (texts: string[], p: KorsbaekPerson) => {
  const all = new Set(texts.flatMap(words));
  return all.has(p.navn.fornavn.toLowerCase()) && all.has(p.navn.efternavn.toLowerCase());
};

/**
 * The result of a success (fails with what the system reported otherwise, `doing` saying what it
 * was asked), or skip when a person acted (--interactive) and the runner cannot see what was shown.
 */
function shownResult(outcome: TriggerOutcome, doing: string, what: string): unknown {
  expectOk(outcome, doing);
  if (outcome.ok && outcome.observedOnly)
    skip(`With --interactive the runner cannot see what the system showed; check by eye that it showed ${what}`);
  return outcome.ok ? outcome.result : undefined;
}

const quote = (value: unknown) =>
  value === undefined ? 'no result, only { "ok": true }' : JSON.stringify(value).slice(0, 200);

/**
 * The system showed the person with this CPR number: its answer names the person's first and last
 * name as the CPR replica has them; a CPR number or an address in the answer, when given, is the
 * person's. Fails naming what the answer lacks, or whose data it shows instead.
 */
export function expectPersonShown(
  outcome: TriggerOutcome,
  cpr: string,
  persons: readonly KorsbaekPerson[],
  doing = 'Looking up a known person',
): void {
  const person = persons.find((p) => p.pnr === cpr);
  if (!person) throw new TypeError(`No Korsbæk test person has CPR number ${cpr}`);
  const result = shownResult(outcome, doing, fullName(person));
  const leaves = leavesOf(result);
  if (leaves.length === 0) {
    fail(
      `The system reported success but showed no person: its answer to cpr.lookup ${cpr} was ${quote(result)}. It must answer with the person it shows its user, e.g. { "cpr": "${cpr}", "name": "${fullName(person)}", "address": "…" }`,
    );
  }
  const texts = leaves.map((l) => l.text);
  // A CPR number in a field that names it; numbers elsewhere (a spouse, children) may be relatives'.
  const cprs = leaves
    .filter((l) => /^(cpr|pnr|personnummer|cprnumber)$/i.test(l.key))
    .map((l) => l.text.replace(/-/g, ''));
  const other = persons.find(
    (p) => p.pnr !== cpr && (cprs.includes(p.pnr) || (names(texts, p) && !names(texts, person))),
  );
  if (other)
    fail(
      `The system showed another person: ${fullName(other)} (${other.pnr}) instead of ${fullName(person)} (${cpr}); its answer was ${quote(result)}`,
    );
  const wrongCpr = cprs.find((c) => c !== cpr);
  if (wrongCpr)
    fail(`The system showed a person with CPR number ${wrongCpr}, not ${cpr}; its answer was ${quote(result)}`);
  if (!names(texts, person))
    fail(
      `The system's answer does not name the person: the CPR replica knows ${cpr} as ${fullName(person)}, the answer was ${quote(result)}`,
    );
  const addresses = leaves.filter((l) => /addr|adress/i.test(l.key)).map((l) => l.text);
  if (addresses.length > 0 && person.adresse) {
    const { vejnavn: street, husnummer: houseNumber } = person.adresse;
    const all = new Set(addresses.flatMap(words));
    if (!all.has(street.toLowerCase()) || !all.has(houseNumber.toLowerCase())) {
      fail(
        `The system showed the address ${quote(addresses.join(', '))}; ${fullName(person)} lives at ${street} ${houseNumber}`,
      );
    }
  }
}

/**
 * The system showed the user it read: the answer names the user's UUID or user id, and the
 * name the organisation has for them.
 */
export function expectUserShown(
  outcome: TriggerOutcome,
  user: { uuid: string; name: string },
  doing = 'Reading a known user',
): void {
  const result = shownResult(outcome, doing, user.name);
  const texts = leavesOf(result).map((l) => l.text);
  if (texts.length === 0)
    fail(
      `The system reported success but showed no user: its answer to organisation.read-user was ${quote(result)}. It must answer with the user it shows, e.g. { "uuid": "${user.uuid}", "name": "${user.name}" }`,
    );
  const all = new Set(texts.flatMap(words));
  if (!words(user.name).every((w) => all.has(w)))
    fail(
      `The system's answer does not name the user: Organisation knows ${user.uuid} as ${user.name}, the answer was ${quote(result)}`,
    );
}

/** The UUIDs (lower case) a system says it found, from `result.<field>`; fails when the field is not a list. */
export function listedUuids(
  outcome: TriggerOutcome,
  field: string,
  action: string,
  what: string,
  doing: string,
): string[] {
  const result = shownResult(outcome, doing, what) as Record<string, unknown> | undefined;
  const list = result?.[field];
  if (!Array.isArray(list))
    fail(
      `The system did not report ${what} (result.${field}, a list of UUIDs); its answer to ${action} was ${quote(result)}`,
    );
  return list.map((u) => String(u).toLowerCase());
}
