import { describe, expect, it } from 'vitest';
import { shownPath } from './shown-path.ts';

describe('shownPath', () => {
  it('shows a file inside the repository relative to it', () => {
    expect(shownPath('/home/ci/klarmeld/.klarmeld/sheet.sqlite', '/home/ci/klarmeld')).toBe('.klarmeld/sheet.sqlite');
  });

  it('shows only the name of a file outside the repository', () => {
    expect(shownPath('/tmp/run-8f3a/sheet.db', '/home/ci/klarmeld')).toBe('sheet.db');
    expect(shownPath('/home/ci/klarmeld-other/sheet.db', '/home/ci/klarmeld')).toBe('sheet.db');
  });
});
