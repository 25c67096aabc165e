import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `klarmeld demo` keeps its files: `.klarmeld/demo/` under the working directory. */
export function demoPaths(cwd: string) {
  const dir = join(cwd, '.klarmeld', 'demo');
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  return {
    dir,
    sheet: join(dir, 'sheet.sqlite'),
    /** The key the demo's platform signs evidence with, kept so the demo sheet trusts one key. */
    signingKey: join(dir, 'platform-signing-key.pem'),
    run: join(dir, 'run.json'),
    junit: join(dir, 'junit.xml'),
    report: join(dir, 'report.html'),
    profile: join(repo, 'examples', 'reference-system', 'klarmeld.yaml'),
    site: join(repo, 'site', 'dist'),
  };
}
