import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { contractLibrary } from './contracts.ts';
import { exampleCode } from './example-code.ts';
import { readFixtures } from './fixtures.ts';
import { stsEndpoints } from './rest-token.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Every generated REST example (of the services a supplier's system calls), as a supplier would paste it: with the types
 * openapi-typescript generates from the contract where the catalogue has one, type-checked by tsc
 * in strict mode. A placeholder, an undefined token or a body that does not match its schema fails.
 */
describe('the generated REST examples', () => {
  it('type-check as pasted, with their contracts’ generated types', async () => {
    const { catalog } = await loadCatalog();
    const contracts = contractLibrary(join(repo, 'catalog', 'contracts'));
    const fixtures = await readFixtures(repo);
    const sts = stsEndpoints(catalog);
    dir = await mkdtemp(join(tmpdir(), 'rest-examples-'));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'));
    const files: string[] = [];
    for (const integration of catalog.integrations) {
      for (const service of integration.versions
        .flatMap((v) => v.services)
        .filter((s) => s.protocol === 'REST' && s.provider === 'platform')) {
        const contract = contracts.restOperation(service);
        const { code } = exampleCode({
          integrationId: integration.id,
          service,
          fixtures,
          ...(contract && { contract }),
          sts,
        })!;
        // Each example in its own folder, as its own project would have it.
        const folder = join(dir, `${integration.id}-${service.name}`);
        await mkdir(join(folder, 'generated'), { recursive: true });
        if (contract) {
          const file = contract.file.split('/').pop()!;
          await copyFile(contract.file, join(folder, file));
          await run(
            process.execPath,
            [
              join(repo, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
              file,
              '-o',
              `./generated/${service.name}.ts`,
            ],
            { cwd: folder },
          );
        }
        await writeFile(join(folder, 'example.ts'), code);
        files.push(join(folder, 'example.ts'));
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(4);
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        types: ['node'],
        skipLibCheck: true,
      },
      files,
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const checked = await run(process.execPath, [
      join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      dir,
    ]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(checked).toBe('');
  }, 120_000);
});
