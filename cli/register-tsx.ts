import { fileURLToPath } from 'node:url';

/**
 * Registers tsx so that Node can load the ink views (.tsx), compiled with the project's own
 * tsconfig.json. Without naming it, tsx reads the tsconfig of the folder the user runs
 * klarmeld from: in a supplier's project (or none) the JSX transform differs and every view
 * fails with "React is not defined".
 */
export async function registerTsx(): Promise<void> {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
}
