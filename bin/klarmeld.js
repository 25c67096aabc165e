#!/usr/bin/env node
// The published entry point. The CLI is plain TypeScript that Node 24 runs with its own type
// stripping: the ink views call React.createElement instead of JSX, so no TypeScript loader is
// registered at run time (tsx's cost ~0.8 s per `klarmeld test`, issue 15).
import { spawn } from 'node:child_process';
import module from 'node:module';
import { constants } from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const installed = self.includes(`${sep}node_modules${sep}`);

// klarmeld's TypeScript runs on Node 24's own type stripping; an older Node fails on the first .ts
// file with an error that does not say why. In this repository the devDependency "node" puts
// Node 24 first on PATH for npx and the npm scripts; a supplier's project brings its own Node.
if (Number(process.versions.node.split('.')[0]) < 24) {
  const how = installed
    ? 'Install Node 24 (e.g. "nvm install 24"), or add it to this project with "npm install --save-dev node@24": npx then runs klarmeld on it.'
    : 'Run it as "npx klarmeld …" inside the project (npm install brings Node 24), or install Node 24.';
  process.stderr.write(`klarmeld needs Node 24 or newer; this is Node ${process.versions.node}. ${how}\n`);
  process.exit(2);
}

// Installed under node_modules, where Node will not strip types, klarmeld runs again with its
// type-stripping hook loaded (bin/installed-typescript.js), so that the platform's worker thread
// and the runner's watchdog, which inherit the flag, load klarmeld's .ts files too. This process
// only waits: Ctrl-C reaches both through the terminal, and the child says what it stopped.
if (installed && !globalThis[Symbol.for('klarmeld.installed-typescript')]) {
  const hook = new URL('./installed-typescript.js', import.meta.url).href;
  const child = spawn(process.execPath, [`--import=${hook}`, ...process.execArgv, self, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => signal !== 'SIGINT' && child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`klarmeld could not start Node again with its TypeScript hook (${error.message}).\n`);
    process.exit(70);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
} else {
  // Caches compiled code on disk (os.tmpdir()), so the next start skips most of the parsing.
  const compileCache = module.enableCompileCache?.();
  // klarmeld's other threads and processes (the platform's writer thread, the system's watchdog)
  // are TypeScript too: from the same cache they skip stripping types (~0.1 s CPU of every
  // `klarmeld test`, issue 15). The note lets the runner start a supplier's commands without it.
  if (compileCache?.directory && !process.env.NODE_COMPILE_CACHE) {
    process.env.NODE_COMPILE_CACHE = compileCache.directory;
    process.env.KLARMELD_COMPILE_CACHE = compileCache.directory;
  }
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
  // `klarmeld test` has stopped everything it started (platform, system, watchdog) by the time main
  // resolves, so it ends as soon as its output has left stdout and stderr, without Node's teardown
  // of a process this size (freeing its heap and threads: ~20 ms of every run, issue 15). The wait
  // matters: a pipe takes writes asynchronously on POSIX, and process.exit would cut off the rest.
  if (process.argv[2] === 'test') {
    await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
    process.exit();
  }
}
