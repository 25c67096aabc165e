import type { GroupDefinition, TestDefinition } from '../../framework/index.ts';
import type { SuiteEnvironment } from './environment.ts';
import { approvedAgreement } from './steps.ts';

/**
 * The first group of a suite whose system calls the platform (id `platform`): the runner's own
 * calls as the system, which show that the platform accepts it before the system is judged.
 */
export function platformGroup(tests: TestDefinition<SuiteEnvironment>[]): GroupDefinition<SuiteEnvironment> {
  return { id: 'platform', title: 'The platform accepts the system', titleDa: 'Platformen accepterer systemet', tests };
}

/**
 * The first platform test of a suite whose calls need a service agreement: the system has an
 * approved agreement for the integration with its municipality (id `agreement-approved`).
 */
export function agreementApprovedTest(options: {
  integration: string;
  title: string;
  titleDa: string;
  verifies: string[];
}): TestDefinition<SuiteEnvironment> {
  return {
    id: 'agreement-approved',
    title: options.title,
    titleDa: options.titleDa,
    verifies: options.verifies,
    run(context, env) {
      context.input('agreement', approvedAgreement(env, options.integration).uuid);
    },
  };
}
