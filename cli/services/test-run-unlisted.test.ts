import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { ProfileError } from '../../conformance/profile/index.ts';
import { runTest } from './test-run.ts';

const temp = tempDirs();

describe('klarmeld test --record for a system outside the catalogue', () => {
  it('is refused before the run, because the sheet tracks only catalogue systems', async () => {
    const dir = await temp.make('record-unlisted-');
    const profileFile = join(dir, 'klarmeld.yaml');
    const sheetFile = join(dir, 'sheet.sqlite');
    // A start command that would fail: the refusal must come before anything starts.
    await writeFile(
      profileFile,
      'system:\n  id: acme-journal\n  name: Acme Journal\n  supplier: "12345678"\n  integrations:\n    - id: SF1520\nstart:\n  command: exit 1\ntrigger:\n  url: http://127.0.0.1:9/trigger\n',
    );
    const error = await runTest({ profileFile, sheetFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).problems[0]).toMatchObject({ code: 'profile-not-in-catalogue', field: 'system' });
    expect((error as ProfileError).message).toContain('Run without --record');
    expect(existsSync(sheetFile)).toBe(false);
  });
});
