import { Box, Text } from 'ink';
import { formatDuration } from './test-duration.ts';

/** One test as the progress view shows it. */
export interface TestRowView {
  id: string;
  title: string;
  status: 'pending' | 'running' | 'pass' | 'fail' | 'skip' | 'omit' | 'error' | 'wait';
  durationMs?: number;
  message?: string;
  requirements?: string[];
  /** Whose problem a failure is: the supplier's system, or the environment (platform, certificate, agreement). */
  blame?: 'supplier' | 'environment';
}

export interface SuiteRowView {
  integration: string;
  title: string;
  tests: TestRowView[];
}

export interface TestProgressProps {
  phase: string;
  suites: SuiteRowView[];
  /** A step a person must take in their own system (--interactive), with the seconds left. */
  prompt?: { text: string; secondsLeft: number };
}

const marks: Record<TestRowView['status'], { mark: string; color: string }> = {
  pending: { mark: '·', color: 'gray' },
  running: { mark: '…', color: 'cyan' },
  pass: { mark: '✓', color: 'green' },
  fail: { mark: '✗', color: 'red' },
  error: { mark: '!', color: 'magenta' },
  skip: { mark: '-', color: 'yellow' },
  omit: { mark: '○', color: 'gray' },
  wait: { mark: '?', color: 'blue' },
};


/** Live view of a conformance run: per integration, each test with its mark and duration. */
export function TestProgress({ phase, suites, prompt }: TestProgressProps) {
  return (
    <Box flexDirection="column">
      <Text bold>{phase}</Text>
      {suites.map((suite) => {
        const done = suite.tests.filter((t) => !['pending', 'running'].includes(t.status)).length;
        const total = suite.tests.reduce((sum, t) => sum + (t.durationMs ?? 0), 0);
        return (
          <Box key={suite.integration} flexDirection="column" marginTop={1}>
            <Text>
              <Text bold>{suite.integration}</Text> {suite.title}{' '}
              <Text color="gray">
                {done}/{suite.tests.length} {formatDuration(total)}
              </Text>
            </Text>
            {suite.tests.map((test) => (
              <Box key={test.id} flexDirection="column" paddingLeft={2}>
                <Text>
                  <Text color={marks[test.status].color}>{marks[test.status].mark}</Text> {test.title}{' '}
                  <Text color="gray">{formatDuration(test.durationMs)}</Text>
                  {test.blame === 'environment' ? <Text color="magenta"> [environment]</Text> : null}
                </Text>
                {test.message && ['fail', 'error', 'skip', 'wait'].includes(test.status) ? (
                  <Text color="gray">
                    {'    '}
                    {test.requirements?.length ? `${test.requirements.join(', ')}: ` : ''}
                    {test.message}
                  </Text>
                ) : null}
              </Box>
            ))}
          </Box>
        );
      })}
      {prompt ? (
        <Box marginTop={1} borderStyle="round" borderColor="blue" flexDirection="column" paddingX={1}>
          <Text bold>Do this in your system now:</Text>
          <Text>{prompt.text}</Text>
          <Text color="gray">Waiting for the platform to see it… {prompt.secondsLeft} s left</Text>
        </Box>
      ) : null}
    </Box>
  );
}
