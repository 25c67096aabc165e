import { createElement } from 'react';
import type { RunEvent } from '../../conformance/framework/index.ts';
import { nextProgress } from '../services/test-progress-state.ts';
import { loadView } from './load-view.ts';
import type { TestProgressProps } from './test-progress.tsx';

/**
 * The live ink view of a run (klarmeld test, klarmeld demo): per integration and test, with
 * durations, and the step a person must take with --interactive. The final frame stays.
 */
export async function liveTestView(firstPhase: string) {
  const { render } = await import('ink');
  const { TestProgress } = await loadView(() => import('./test-progress.tsx'));
  let state: TestProgressProps = { phase: firstPhase, suites: [] };
  const instance = render(createElement(TestProgress, state));
  const update = (next: TestProgressProps) => {
    state = next;
    instance.rerender(createElement(TestProgress, state));
  };
  return {
    phase: (text: string) => update({ ...state, phase: text }),
    onEvent: (event: RunEvent) => update(nextProgress(state, event)),
    prompt: (text: string, secondsLeft: number) => {
      const { prompt: _, ...rest } = state;
      update(text ? { ...rest, prompt: { text, secondsLeft } } : rest);
    },
    stop: () => {
      update({ ...state, phase: 'Done' });
      instance.unmount();
    },
  };
}
