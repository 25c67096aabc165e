import type { RunEvent } from '../../conformance/framework/index.ts';
import type { SuiteRowView, TestProgressProps } from '../ui/test-progress.ts';

/** The progress view's state after one more runner event (pure: the command keeps the state). */
export function nextProgress(state: TestProgressProps, event: RunEvent): TestProgressProps {
  if (event.type === 'suite-start') {
    const suite: SuiteRowView = {
      integration: event.integration,
      title: event.title,
      tests: event.tests.map((t) => ({ id: t.id, title: t.title, status: 'pending' })),
    };
    return { ...state, suites: [...state.suites, suite] };
  }
  if (event.type === 'test-start' || event.type === 'test-end') {
    const id = event.type === 'test-start' ? event.id : event.record.id;
    return {
      ...state,
      suites: state.suites.map((suite) => ({
        ...suite,
        tests: suite.tests.map((test) => {
          if (test.id !== id) return test;
          if (event.type === 'test-start') return { ...test, status: 'running' };
          const r = event.record;
          return {
            ...test,
            status: r.result,
            durationMs: r.durationMs,
            requirements: r.verifies,
            ...(r.message ? { message: r.message } : {}),
            ...(r.blame === 'supplier' || r.blame === 'environment' ? { blame: r.blame } : {}),
          };
        }),
      })),
    };
  }
  return state;
}
