// Node strips TypeScript's types itself, but refuses to for any file under node_modules
// (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), which is where a supplier's `npm install klarmeld`
// puts klarmeld's sources. Loaded with `node --import` (bin/klarmeld.js does that for an
// installed copy), this hook strips the types of klarmeld's own .ts files with Node's own
// stripper, on every thread: a worker inherits the --import, the runner passes it to its
// watchdog. Files of other packages are left to Node.
import module from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = new URL('../', import.meta.url).href;
/** Tells bin/klarmeld.js that this thread strips the types of an installed klarmeld. */
globalThis[Symbol.for('klarmeld.installed-typescript')] = true;

// stripTypeScriptTypes warns that it is experimental on each thread that calls it: a warning the
// supplier can do nothing about, printed above every run. Only that warning is dropped.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const text = typeof warning === 'string' ? warning : warning?.message;
  if (typeof text === 'string' && text.includes('stripTypeScriptTypes')) return;
  emitWarning(warning, ...rest);
};

module.registerHooks({
  load(url, context, nextLoad) {
    if (
      !url.startsWith(packageRoot) ||
      !url.endsWith('.ts') ||
      url.slice(packageRoot.length).includes('node_modules/')
    ) {
      return nextLoad(url, context);
    }
    const source = readFileSync(fileURLToPath(url), 'utf8');
    return {
      format: 'module',
      source: module.stripTypeScriptTypes(source, { mode: 'strip', sourceUrl: url }),
      shortCircuit: true,
    };
  },
});
