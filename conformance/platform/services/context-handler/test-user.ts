import type { Service } from '../../../../catalog/index.ts';
import { privilegeList } from '../../sts/build-assertion.ts';
import { servicePrivilege } from '../../sts/service-privilege.ts';
import type { AssertedAttribute } from './saml-messages.ts';

type SamlService = NonNullable<Service['saml']>;

/**
 * The Korsbæk test user the Context Handler logs in. KOMBIT's sources name no test user of the
 * external test Context Handler; this one is klarmeld's, its NameID in the metadata's format
 * (X509SubjectName, as an OCES employee certificate's subject reads).
 */
export function korsbaekUser(cvr: string) {
  return { nameId: `C=DK,O=Korsbæk Kommune // CVR:${cvr},CN=Karen Testbruger,Serial=CVR:${cvr}-RID:91234567` };
}

/**
 * The attributes of the metadata, with a value each: a value the metadata lists (the last, so
 * AssuranceLevel is 3 of its 2 and 3), the municipality's CVR for CvrNumberIdentifier, and for
 * Privileges_intermediate the OIOSAML basic privilege list the STS writes, scoped to the CVR,
 * with the role the system's agreement gives (klarmeld's role URI: the sources publish none for
 * user-facing systems). An attribute the metadata lists without values and klarmeld cannot fill is left out.
 */
export function assertedAttributes(
  listed: SamlService['attributes'],
  cvr: string,
  spEntityId: string,
  integration: string,
): AssertedAttribute[] {
  const out: AssertedAttribute[] = [];
  for (const a of listed) {
    const value = /CvrNumberIdentifier$/.test(a.name)
      ? cvr
      : /Privileges_intermediate$/i.test(a.name)
        ? privilegeList(cvr, [servicePrivilege(spEntityId, integration)])
        : a.values.at(-1);
    if (value !== undefined)
      out.push({ name: a.name, ...(a.nameFormat && { nameFormat: a.nameFormat }), values: [value] });
  }
  return out;
}
