import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TestProgress } from './test-progress.ts';

const lastFrame = (frames: string[]) => frames.filter((f) => f.trim()).at(-1) ?? '';

describe('TestProgress', () => {
  it('shows each integration with its tests, marks, durations and why a test failed', () => {
    const { frames, unmount } = render(
      <TestProgress
        phase="Running 2 suites"
        suites={[
          {
            integration: 'SF1520',
            title: 'CPR replika opslag',
            tests: [
              {
                id: 'a',
                title: 'UUIDs are lower case',
                status: 'fail',
                durationMs: 42,
                requirements: ['SF1520-R04'],
                message: 'UserSystemUUID was upper case',
              },
              {
                id: 'b',
                title: 'Agreement is approved',
                status: 'error',
                durationMs: 1200,
                blame: 'environment',
                message: 'agreement pending',
              },
              { id: 'c', title: 'Person not found is handled', status: 'running' },
            ],
          },
        ]}
        prompt={{ text: 'Look up CPR 0101010000 in your system', secondsLeft: 55 }}
      />,
    );
    const frame = lastFrame(frames);
    unmount();
    expect(frame).toContain('SF1520');
    expect(frame).toContain('✗ SF1520 UUIDs are lower case 42 ms');
    expect(frame).toContain('SF1520-R04: UserSystemUUID was upper case');
    expect(frame).toContain('[environment]');
    expect(frame).toContain('1.2 s');
    expect(frame).toContain('Look up CPR 0101010000 in your system');
    expect(frame).toContain('55 s left');
  });

  it('shows a suite left out with --integration as "not selected", not as done in 0 ms, and one line per suite while it runs', () => {
    const omitted = Array.from({ length: 10 }, (_, i) => ({
      id: `o${i}`,
      title: `Omitted ${i}`,
      status: 'omit' as const,
      durationMs: 0,
    }));
    const { frames, unmount } = render(
      <TestProgress
        phase="Running 1 suite"
        suites={[
          { integration: 'SF1514', title: 'Security Token Service', tests: omitted },
          {
            integration: 'SF1520',
            title: 'CPR replika opslag',
            tests: [
              { id: 'a', title: 'Passes', status: 'pass', durationMs: 5 },
              { id: 'b', title: 'Runs now', status: 'running' },
            ],
          },
        ]}
      />,
    );
    const frame = lastFrame(frames);
    unmount();
    expect(frame).toMatch(/SF1514 +Security Token Service not selected/);
    expect(frame).not.toContain('10/10');
    expect(frame).toMatch(/SF1520 +CPR replika opslag 1\/2 5 ms/);
    expect(frame).toContain('… SF1520 Runs now');
    expect(frame).not.toContain('Passes');
  });
});
