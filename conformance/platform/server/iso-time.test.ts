import { describe, expect, it } from 'vitest';
import { isoDate, isoTime } from './iso-time.ts';

describe('isoTime', () => {
  it('is toISOString for every date: in time order, back and forth, across seconds, days and years', () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    const times: number[] = [];
    for (let ms = start; ms < start + 2_500; ms += 7) times.push(ms);
    let seed = 15;
    for (let k = 0; k < 5_000; k += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      times.push((seed - 1073741824) * 4_000 + (k % 1000)); // 1902–2038, and the same second again
      times.push(times[times.length - 1]! + (k % 3));
    }
    times.push(
      0,
      -1,
      -999,
      -1000,
      -1001,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      -62198755200001,
    );
    for (const ms of times) {
      const date = new Date(ms);
      expect(isoTime(date), String(ms)).toBe(date.toISOString());
      expect(isoDate(date), String(ms)).toBe(date.toISOString().slice(0, 10));
    }
  });

  it('throws as toISOString does for an invalid date', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
