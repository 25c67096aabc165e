import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { klarmeldVersion } from './klarmeld-version.ts';

describe('klarmeldVersion', () => {
  it("is the version of klarmeld's package.json", async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(klarmeldVersion()).toBe(manifest.version);
    expect(klarmeldVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
