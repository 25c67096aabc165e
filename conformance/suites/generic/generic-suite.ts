import { createHash } from 'node:crypto';
import { restContractServices, type Catalog } from '../../../catalog/index.ts';
import { contractCatalogue } from '../../clients/index.ts';
import { checkGeneratedRequirements, defineSuite, type SuiteDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { agreementApprovedTest, platformGroup } from '../shared/platform-group.ts';
import { agreementRequirementId, genericRequirements } from './generic-requirements.ts';
import { operationGroup } from './operation-tests.ts';
import { operationPlans, type OperationPlan } from './operation-plan.ts';
import { restOperationGroup } from './rest-operation-tests.ts';
import { restOperationPlans, type RestOperationPlan } from './rest-operation-plan.ts';
import { restRequirements } from './rest-requirements.ts';

/** The generic suite's own version; the digest of what it was made from is appended, so a changed contract is a new version. */
// 1.1.0: soap-version-and-action judges the recorded SOAPAction (a tape of 1.0.0 has none to judge).
const GENERIC_VERSION = '1.1.0';

/** What the suite was made from (trees, actions, security, samples): a replay with other catalogue data is another suite. */
function digestOf(plans: OperationPlan[], rest: RestOperationPlan[] = []): string {
  const restShape = rest.map((p) => [p.service, p.operation.name, p.fault, p.headers, p.data]);
  const shape = plans.map((p) => [
    p.service.service,
    p.service.version,
    p.service.path,
    p.service.soapVersion,
    p.service.security,
    p.operation.name,
    p.operation.soapAction,
    p.operation.input,
    p.operation.output,
    p.fault,
    p.uuid,
    p.data,
  ]);
  return createHash('sha256')
    .update(JSON.stringify(rest.length > 0 ? [shape, restShape] : shape))
    .digest('hex')
    .slice(0, 12);
}

/**
 * The generic suite of one integration, made from the catalogue's data alone (issue 12 item 3):
 * for every operation of its imported SOAP services a group of checks of what the system sends,
 * how it copes with the service's fault and whether it shows the data returned. Undefined when
 * the catalogue has no imported operation of the integration that the platform provides.
 */
export function genericSuite(
  catalog: Catalog,
  integration: string,
): SuiteDefinition<SuiteEnvironment, SuiteEnvironment> | undefined {
  const services = contractCatalogue(catalog).filter((s) => s.integration === integration);
  // The REST operations imported from an OpenAPI document (restContractServices) get their own groups.
  const rest = restOperationPlans(restContractServices(catalog).filter((s) => s.integration === integration));
  if (services.length === 0 && rest.length === 0) return undefined;
  const plans = operationPlans(services);
  // An integration with REST operations only has no SOAP requirements (and an empty list is no requirements file).
  const generic = plans.length > 0 ? genericRequirements(integration, plans) : { integration, requirements: [] };
  const name = catalog.integrations.find((i) => i.id === integration)?.title ?? integration;
  const context = services.find((s) => s.security.model === 'context');
  return defineSuite<SuiteEnvironment>({
    id: integration.toLowerCase().replace(/_/g, '-'),
    integration,
    title: `${integration} ${name} (generic suite from the imported contract)`,
    titleDa: `${integration} ${name} (generisk suite fra den importerede kontrakt)`,
    version: `${GENERIC_VERSION}+${digestOf(plans, rest)}`,
    requirementsFile: new URL('./generic-requirements.ts', import.meta.url),
    requirements: checkGeneratedRequirements(
      { ...generic, requirements: [...generic.requirements, ...restRequirements(integration, rest)] },
      `the generic suite of ${integration}`,
    ),
    groups: [
      ...(context
        ? [
            platformGroup([
              agreementApprovedTest({
                integration,
                title: `The system has an approved ${context.service} agreement with the municipality`,
                titleDa: `Systemet har en godkendt serviceaftale på ${context.service} med kommunen`,
                verifies: [agreementRequirementId(integration)],
              }),
            ]),
          ]
        : []),
      ...plans.map(operationGroup),
      ...rest.map(restOperationGroup),
    ],
  });
}

/** The generic suite of every integration with an imported contract, but those in `except` (the hand-written ones), by integration id. */
export function genericSuites(
  catalog: Catalog,
  except: readonly string[],
): Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> {
  const ids = [
    ...new Set([...contractCatalogue(catalog), ...restContractServices(catalog)].map((s) => s.integration)),
  ].filter((id) => !except.includes(id));
  return Object.fromEntries(ids.map((id) => [id, genericSuite(catalog, id)!]));
}

/** The operations a profile declares for an integration select the generic suite's groups; the others are omitted with this reason, or true. */
export function declaredOperations(
  suite: SuiteDefinition<SuiteEnvironment, SuiteEnvironment>,
  catalog: Catalog,
  operations: readonly string[],
): (testId: string) => true | string {
  const plans = [
    ...operationPlans(contractCatalogue(catalog).filter((s) => s.integration === suite.integration)),
    ...restOperationPlans(restContractServices(catalog).filter((s) => s.integration === suite.integration)),
  ];
  // A hand-written suite's groups are not operations: it runs whole.
  if (operations.length === 0 || !suite.groups.some((g) => plans.some((p) => p.slug === g.id))) return () => true;
  const declared = new Set(plans.filter((p) => operations.includes(p.operation.name)).map((p) => p.slug));
  return (testId) => {
    const group = testId.split('.')[1] ?? '';
    return group === 'platform' || declared.has(group)
      ? true
      : `The profile does not declare this operation of ${suite.integration} (it declares ${operations.join(', ')})`;
  };
}
