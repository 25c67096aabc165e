import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { listFixtures } from '../../../conformance/platform/index.ts';
import { startPlatform, type RunningPlatform } from '../../../conformance/platform/index.ts';
import { contractLibrary } from './contracts.ts';
import { exampleCode, platformUrl } from './example-code.ts';

const repo = new URL('../../../', import.meta.url).pathname;
const run = promisify(execFile);
let dir: string | undefined;
let platform: RunningPlatform | undefined;
afterAll(async () => {
  await platform?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A supplier's project as the example's comment describes it: "type": "module", the contract
 * files from the page, and the packages (soap, tsx, wsdl-tsclient) of this repository.
 */
async function supplierProject(wsdlFiles: string[]): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'example-run-'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'));
  const base = dirname(wsdlFiles[0]!);
  for (const file of wsdlFiles) {
    const to = join(dir, relative(base, file));
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(repo, 'catalog', 'contracts', file), to);
  }
  return dir;
}

describe('the generated example for a service of the embedded platform', () => {
  it('runs as pasted: SF1520 PersonLookup answers with Korsbæk’s test person', async () => {
    const { catalog } = await loadCatalog();
    const service = catalog.integrations
      .find((i) => i.id === 'SF1520')!
      .versions.flatMap((v) => v.services)
      .find((s) => s.name === 'PersonBaseDataExtendedService' && s.endpoints.local)!;
    const inputFields = contractLibrary(join(repo, 'catalog', 'contracts')).inputFields(service);
    const { code } = exampleCode({ integrationId: 'SF1520', service, inputFields, fixtures: await listFixtures() })!;
    const project = await supplierProject(service.contract);

    // The steps the example's comment lists, with the platform on a free port instead of 8443.
    platform = await startPlatform({ dataDir: join(project, '.klarmeld', 'platform'), port: 0, catalog });
    const system = await platform.admin.addSystem({ name: 'Mit fagsystem' });
    const agreement = platform.admin.addAgreement({
      system: 'Mit fagsystem',
      service: 'SF1520/PersonBaseDataExtendedService',
      municipalityCvr: '11111111',
    });
    await writeFile(join(project, 'system.json'), JSON.stringify(system));
    await writeFile(join(project, 'agreement.json'), JSON.stringify(agreement));
    const wsdl = service.contract
      .find((f) => f.endsWith('.wsdl'))!
      .split('/')
      .pop()!;
    await run(
      process.execPath,
      [join(repo, 'node_modules', 'wsdl-tsclient', 'dist', 'src', 'cli.js'), wsdl, '-o', './generated'],
      { cwd: project },
    );
    await writeFile(join(project, 'example.ts'), code.replace(platformUrl, platform.url.replace(/\/$/, '')));

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'example.ts'], { cwd: project });
    const answer = JSON.stringify(JSON.parse(stdout));
    expect(answer).toContain('Anne Marie');
    expect(answer).toContain('Hansen');
  }, 120_000);
});
