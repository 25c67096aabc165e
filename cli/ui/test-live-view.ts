import { createElement } from 'react';
import type { RunEvent } from '../../conformance/framework/index.ts';
import { nextProgress } from '../services/test-progress-state.ts';
import type { TestProgressProps } from './test-progress.ts';

/**
 * How often the live view is redrawn at most. A run sends three events per test, often within a
 * millisecond; drawing each one made a terminal run 40 % slower than a piped one (the embedded
 * platform shares this process's event loop). Ten frames a second still reads as live.
 */
export const redrawIntervalMs = 100;

/**
 * The live ink view of a run (klarmeld test, klarmeld demo): per integration its progress, the
 * test running now, what did not pass, and the step a person must take with --interactive.
 * Events only change the state; the frame is redrawn at most every `redrawIntervalMs`, and
 * right away for a prompt. `stop` erases the frame: the caller then prints the results once.
 */
export async function liveTestView(firstPhase: string) {
  const { render } = await import('ink');
  const { TestProgress } = await import('./test-progress.ts');
  let state: TestProgressProps = { phase: firstPhase, suites: [] };
  const instance = render(createElement(TestProgress, state), { patchConsole: false });
  let timer: NodeJS.Timeout | undefined;
  const draw = () => {
    clearTimeout(timer);
    timer = undefined;
    instance.rerender(createElement(TestProgress, state));
  };
  const update = (next: TestProgressProps, now = false) => {
    state = next;
    if (now) draw();
    else timer ??= setTimeout(draw, redrawIntervalMs);
  };
  return {
    phase: (text: string) => update({ ...state, phase: text }),
    onEvent: (event: RunEvent) => update(nextProgress(state, event)),
    prompt: (text: string, secondsLeft: number) => {
      const { prompt: _, ...rest } = state;
      update(text ? { ...rest, prompt: { text, secondsLeft } } : rest, true);
    },
    /** Erases the frame and gives the terminal back. */
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      instance.clear();
      instance.unmount();
    },
  };
}
