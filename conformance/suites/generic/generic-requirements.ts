import { checkGeneratedRequirements, type Requirement, type RequirementsFile } from '../../framework/index.ts';
import type { OperationPlan } from './operation-plan.ts';

/** The checks the generic suite makes of each operation, as requirement id suffixes. */
export type GenericCheck = 'VALID' | 'SOAP' | 'SECURITY' | 'UUIDS' | 'FAULT' | 'DATA';

/** The stable id of one generated requirement: `SF1510-G-KLASSE-LAES-VALID`. */
export const genericRequirementId = (integration: string, plan: Pick<OperationPlan, 'slug'>, check: GenericCheck) =>
  `${integration}-G-${plan.slug.toUpperCase()}-${check}`;

/** The one requirement of a Serviceplatformen integration's platform group. */
export const agreementRequirementId = (integration: string) => `${integration}-G-AGREEMENT`;

const source = (plan: OperationPlan) =>
  `The official contract of ${plan.service.service} v${plan.service.version}, operation ${plan.operation.name} (request ${plan.operation.input.element}, ${plan.operation.input.namespace}), as klarmeld catalog import-contract derived it into the catalogue`;
/** The same source for the Danish site: the contract is cited, the words around it are Danish. */
const sourceDa = (plan: OperationPlan) =>
  `Den officielle kontrakt for ${plan.service.service} v${plan.service.version}, operationen ${plan.operation.name} (forespørgsel ${plan.operation.input.element}, ${plan.operation.input.namespace}), læst ind i kataloget med klarmeld catalog import-contract`;

/**
 * The requirements of an integration's generic suite, made from the catalogue: for each operation
 * a valid request, its SOAP version and action, its security, lower-case UUIDs, and, where the
 * catalogue makes them testable, coping with the service's fault and showing the data returned.
 * English and Danish text and source; checked by the rules of a requirements.yaml.
 */
export function genericRequirements(integration: string, plans: OperationPlan[]): RequirementsFile {
  const list: Requirement[] = [];
  if (plans.some((p) => p.service.security.model === 'context')) {
    list.push({
      id: agreementRequirementId(integration),
      level: 'SHALL',
      text: `The it-system connects with its registered FOCES system certificate over mutual TLS and holds an approved service agreement with the municipality for ${integration}'s service.`,
      textDa: `Systemet forbinder med sit registrerede FOCES-funktionscertifikat over gensidig TLS og har en godkendt serviceaftale med kommunen på ${integration}s service.`,
      source: 'Serviceplatformen: the three prerequisites of a call (tilslutning, certificate, service agreement)',
      sourceDa: 'Serviceplatformen: de tre forudsætninger for et kald (tilslutning, certifikat, serviceaftale)',
    });
  }
  for (const plan of plans) {
    const { operation: op, service } = plan;
    const add = (check: GenericCheck, text: string, textDa: string) =>
      list.push({
        id: genericRequirementId(integration, plan, check),
        level: 'SHALL',
        text,
        textDa,
        source: source(plan),
        sourceDa: sourceDa(plan),
      });
    const action = op.soapAction ?? '(none)';
    add(
      'VALID',
      `The it-system's ${op.name} request (${op.input.element}) is valid against the contract: known elements only, every required one, cardinalities, choices and value formats.`,
      `Systemets ${op.name}-forespørgsel (${op.input.element}) er gyldig efter kontrakten: kun kendte elementer, alle påkrævede, antal, valg og værdiformater.`,
    );
    add(
      'SOAP',
      `The it-system calls ${op.name} as SOAP ${service.soapVersion} at ${service.path} with action ${action}${service.security.model === 'saml-token' ? ' (SOAPAction and WS-Addressing Action)' : ''}.`,
      `Systemet kalder ${op.name} som SOAP ${service.soapVersion} på ${service.path} med action ${action}${service.security.model === 'saml-token' ? ' (SOAPAction og WS-Addressing Action)' : ''}.`,
    );
    if (service.security.model === 'context') {
      add(
        'SECURITY',
        `The ${op.name} request carries an InvocationContext in the request element naming the it-system's own UUID, ${service.service}'s ServiceUUID (${service.security.serviceUuid}) and an approved agreement of the it-system.`,
        `${op.name}-forespørgslen har en InvocationContext i request-elementet med systemets eget UUID, ${service.service}s ServiceUUID (${service.security.serviceUuid}) og en godkendt aftale, systemet har.`,
      );
    } else {
      add(
        'SECURITY',
        `The ${op.name} request is signed with an OIOIDWS holder-of-key token from the STS for ${service.service}'s entity ID (${service.security.entityId}).`,
        `${op.name}-forespørgslen er signeret med et OIOIDWS holder-of-key-token fra STS'en til ${service.service}s entity ID (${service.security.entityId}).`,
      );
    }
    add(
      'UUIDS',
      `Every UUID in the ${op.name} request is written in lower case.`,
      `Alle UUID'er i ${op.name}-forespørgslen er skrevet med små bogstaver.`,
    );
    if (plan.fault) {
      add(
        'FAULT',
        `When ${service.service} answers ${op.name} with its fault (a ${service.security.model === 'context' ? 'ServiceplatformFault' : 'refusal in its answer or a SOAP fault'}), the it-system reports the failure to its user, without crashing and without repeating the call more than once.`,
        `Når ${service.service} svarer ${op.name} med sin fejl (${service.security.model === 'context' ? 'en ServiceplatformFault' : 'en afvisning i svaret eller en SOAP-fejl'}), melder systemet fejlen til brugeren uden at gå ned og uden at gentage kaldet mere end én gang.`,
      );
    }
    if (plan.data.length > 0) {
      add(
        'DATA',
        `The it-system shows its user the data ${service.service} returns for ${op.name}, not nothing and not data of its own.`,
        `Systemet viser brugeren de data, ${service.service} returnerer på ${op.name} – ikke ingenting og ikke egne data.`,
      );
    }
  }
  return checkGeneratedRequirements({ integration, requirements: list }, `the generic suite of ${integration}`);
}
