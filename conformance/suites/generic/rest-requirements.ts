import type { Requirement } from '../../framework/index.ts';
import type { RestOperationPlan } from './rest-operation-plan.ts';

/** The checks the generic suite makes of each REST operation, as requirement id suffixes. */
export type RestCheck = 'VALID' | 'HEADERS' | 'SECURITY' | 'EXPIRY' | 'FAULT' | 'DATA';

/** The stable id of one generated requirement: `SF0101-G-ACCESSTOKENDEMO-CALLDEMOSERVICE-SECURITY`. */
export const restRequirementId = (integration: string, plan: Pick<RestOperationPlan, 'slug'>, check: RestCheck) =>
  `${integration}-G-${plan.slug.toUpperCase()}-${check}`;

const tokenText = (plan: RestOperationPlan) =>
  plan.service.security.model === 'jwt'
    ? {
        en: `a JWT from the STS's OAuth endpoint (client_id and scope entityid ${plan.service.security.entityId}, anvenderkontekst = the municipality's CVR)`,
        da: `en JWT fra STS'ens OAuth-endpoint (client_id og scope entityid ${plan.service.security.entityId}, anvenderkontekst = kommunens CVR)`,
      }
    : {
        en: `an access token from Serviceplatformen's AccessTokenService for the STS's SAML token for ${plan.service.security.entityId} and the municipality's CVR`,
        da: `et access-token fra Serviceplatformens AccessTokenService for STS'ens SAML-token til ${plan.service.security.entityId} og kommunens CVR`,
      };

/**
 * The requirements of the REST operations of an integration's generic suite: a valid request,
 * the required headers, the token the service's security model asks for, coping with the
 * service's Fejl, and showing the data returned. English and Danish text and source.
 */
export function restRequirements(integration: string, plans: RestOperationPlan[]): Requirement[] {
  const list: Requirement[] = [];
  for (const plan of plans) {
    const { operation: op, service } = plan;
    const source = `The OpenAPI document of ${service.service} v${service.version}, operation ${op.method} ${op.path}, as klarmeld catalog import-contract derived it into the catalogue`;
    const sourceDa = `OpenAPI-dokumentet for ${service.service} v${service.version}, operationen ${op.method} ${op.path}, læst ind i kataloget med klarmeld catalog import-contract`;
    const add = (check: RestCheck, text: string, textDa: string) =>
      list.push({ id: restRequirementId(integration, plan, check), level: 'SHALL', text, textDa, source, sourceDa });
    const token = tokenText(plan);
    add(
      'VALID',
      `The it-system's ${op.name} request (${op.method} ${service.path}${op.path}) is valid against the contract: its path and query values and its JSON body${op.input ? ` (${op.input.element})` : ''}.`,
      `Systemets ${op.name}-kald (${op.method} ${service.path}${op.path}) er gyldigt efter kontrakten: sti- og query-værdier og JSON-body${op.input ? ` (${op.input.element})` : ''}.`,
    );
    add(
      'HEADERS',
      `The ${op.name} request carries the headers the contract requires (${plan.headers.join(', ') || 'none'}), each valid: x-TransaktionsId a UUID, x-TransaktionsTid a time.`,
      `${op.name}-kaldet har de headere, kontrakten kræver (${plan.headers.join(', ') || 'ingen'}), hver gyldig: x-TransaktionsId et UUID, x-TransaktionsTid et tidspunkt.`,
    );
    add(
      'SECURITY',
      `The ${op.name} request carries Authorization: Holder-of-key with ${token.en}, in its lifetime, over the same client certificate the token is bound to.`,
      `${op.name}-kaldet har Authorization: Holder-of-key med ${token.da}, inden for dets levetid, over det klientcertifikat, tokenet er bundet til.`,
    );
    add(
      'EXPIRY',
      `The it-system gets a new token once the one it holds has reached its expires_in, before it calls ${op.name} again; it does not call with an expired token.`,
      `Systemet henter et nyt token, når det, det har, har nået sin expires_in, før det kalder ${op.name} igen; det kalder ikke med et udløbet token.`,
    );
    if (plan.fault)
      add(
        'FAULT',
        `When ${service.service} answers ${op.name} with its Fejl (SvarReaktion/Fejl), the it-system reports the failure to its user, without crashing and without repeating the call more than once.`,
        `Når ${service.service} svarer ${op.name} med en Fejl (SvarReaktion/Fejl), melder systemet fejlen til brugeren uden at gå ned og uden at gentage kaldet mere end én gang.`,
      );
    if (plan.data.length > 0)
      add(
        'DATA',
        `The it-system shows its user the data ${service.service} returns for ${op.name}, not nothing and not data of its own.`,
        `Systemet viser brugeren de data, ${service.service} returnerer på ${op.name} – ikke ingenting og ikke egne data.`,
      );
  }
  return list;
}
