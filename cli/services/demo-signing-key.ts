import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeSecretFile } from '../../conformance/platform/index.ts';

/**
 * The Ed25519 key the demo's embedded platform signs evidence with (PKCS#8 PEM), made on the
 * first demo and kept owner-only beside the demo sheet. Each demo starts a fresh platform; without
 * a kept key each would sign with a new one, and every `npm start` would add another key to the
 * demo sheet's trusted list (issue 14).
 */
export async function demoSigningKey(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await writeSecretFile(path, pem);
  return pem;
}
