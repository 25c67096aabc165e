/** Writes generated/run-document.schema.json. Run: npx node conformance/framework/write-run-schema.ts */
import { writeFile } from 'node:fs/promises';
import { runSchemaText } from './run-schema.ts';

const target = new URL('./generated/run-document.schema.json', import.meta.url);
await writeFile(target, runSchemaText());
console.log(`wrote ${target.pathname}`);
