#!/usr/bin/env node
// The published entry point. The CLI is written in TypeScript with ink (.tsx), which
// Node's own type stripping cannot load, so tsx's loader is registered first.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
