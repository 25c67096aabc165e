import { createHash } from 'node:crypto';
import type { Catalog } from '../../../catalog/index.ts';
import { contractCatalogue } from '../../clients/index.ts';
import { defineSuite, type SuiteDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { agreementApprovedTest, platformGroup } from '../shared/platform-group.ts';
import { agreementRequirementId, genericRequirements } from './generic-requirements.ts';
import { operationGroup } from './operation-tests.ts';
import { operationPlans, type OperationPlan } from './operation-plan.ts';

/** The generic suite's own version; the digest of what it was made from is appended, so a changed contract is a new version. */
// 1.1.0: soap-version-and-action judges the recorded SOAPAction (a tape of 1.0.0 has none to judge).
const GENERIC_VERSION = '1.1.0';

/** What the suite was made from (trees, actions, security, samples): a replay with other catalogue data is another suite. */
function digestOf(plans: OperationPlan[]): string {
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
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 12);
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
  if (services.length === 0) return undefined;
  const plans = operationPlans(services);
  const name = catalog.integrations.find((i) => i.id === integration)?.title ?? integration;
  const context = services.find((s) => s.security.model === 'context');
  return defineSuite<SuiteEnvironment>({
    id: integration.toLowerCase().replace(/_/g, '-'),
    integration,
    title: `${integration} ${name} (generic suite from the imported contract)`,
    titleDa: `${integration} ${name} (generisk suite fra den importerede kontrakt)`,
    version: `${GENERIC_VERSION}+${digestOf(plans)}`,
    requirementsFile: new URL('./generic-requirements.ts', import.meta.url),
    requirements: genericRequirements(integration, plans),
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
    ],
  });
}

/** The generic suite of every integration with an imported contract, but those in `except` (the hand-written ones), by integration id. */
export function genericSuites(
  catalog: Catalog,
  except: readonly string[],
): Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> {
  const ids = [...new Set(contractCatalogue(catalog).map((s) => s.integration))].filter((id) => !except.includes(id));
  return Object.fromEntries(ids.map((id) => [id, genericSuite(catalog, id)!]));
}

/** The operations a profile declares for an integration select the generic suite's groups; the others are omitted with this reason, or true. */
export function declaredOperations(
  suite: SuiteDefinition<SuiteEnvironment, SuiteEnvironment>,
  catalog: Catalog,
  operations: readonly string[],
): (testId: string) => true | string {
  const plans = operationPlans(contractCatalogue(catalog).filter((s) => s.integration === suite.integration));
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
