#!/usr/bin/env node
// The published entry point. The CLI is plain TypeScript that Node 24 runs with its own type
// stripping: the ink views call React.createElement instead of JSX, so no TypeScript loader is
// registered at run time (tsx's cost ~0.8 s per `klarmeld test`, issue 15).
import module from 'node:module';

// klarmeld's TypeScript runs on Node 24's own type stripping; an older Node fails on the first .ts
// file with an error that does not say why. The project pins Node 24 (devDependency "node"), which
// npx and the npm scripts put first on PATH.
if (Number(process.versions.node.split('.')[0]) < 24) {
  process.stderr.write(`klarmeld needs Node 24 or newer; this is Node ${process.versions.node}. Run it as "npx klarmeld …" inside the project (npm install brings Node 24), or install Node 24.\n`);
  process.exit(2);
}

// Caches compiled code on disk (os.tmpdir()), so the next start skips most of the parsing.
module.enableCompileCache?.();
const { main, reportUnexpected } = await import('../cli/main.ts');
// An error thrown outside a command's own flow (a server callback, a stray promise) would end
// Node with exit 1, which CI reads as "a required test failed": end it as main does, with 70.
const unexpected = (error) => process.exit(reportUnexpected(error));
// A reader that stops early (`klarmeld sheet show | head`) closes the pipe under us: that is the
// reader's choice, not an error of klarmeld's, so stop quietly as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    unexpected(error);
  });
}
process.on('uncaughtException', unexpected);
process.on('unhandledRejection', unexpected);
process.exitCode = await main(process.argv.slice(2));
