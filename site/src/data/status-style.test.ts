import { describe, expect, it } from 'vitest';
import type { OnboardingStatus } from '../../../catalog/index.ts';
import { statusCss, statusStyles } from './status-style.ts';

const status = (code: string, label: string, ready = false): OnboardingStatus => ({
  code,
  label,
  labelEn: `${label} (en)`,
  round: false,
  inSheet: true,
  colour: '#c6efce',
  textColour: '#006100',
  reasonRequired: false,
  reasons: [],
  ready,
});

describe('status styles', () => {
  const vocabulary = [
    status('tilmeldt', 'Tilmeldt onboardingsforløb'),
    status('klarmeldt', '1. Ja / Klarmeldt', true),
    status('ikke-klarmeldt', '2. Nej / Ikke klarmeldt'),
    status('irrelevant', 'Irrelevant'),
    status('ikke-afklaret', 'Ikke afklaret'),
  ];

  it('marks the one ready status with a check and the others by the word a reader scans for', () => {
    const marks = statusStyles(vocabulary, 'da').map((s) => s.mark);
    expect(marks).toEqual(['T', '✓', 'N', 'Ir', 'Ik']);
  });

  it('uses the English label in English', () => {
    expect(statusStyles(vocabulary, 'en')[1]!.label).toBe('1. Ja / Klarmeldt (en)');
  });

  it('draws each status in the vocabulary colours', () => {
    expect(statusCss(statusStyles(vocabulary, 'da'))).toContain(
      '.km-st.s1,.km-matrix td.s1{background:#c6efce;color:#006100}',
    );
  });
});
