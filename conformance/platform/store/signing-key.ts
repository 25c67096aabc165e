import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { PlatformSigner } from '../service-handler.ts';

/** An Ed25519 signer of evidence from a private key (PKCS#8 PEM). */
export function signerOf(privatePem: string): PlatformSigner {
  const key = createPrivateKey(privatePem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`The evidence-signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return {
    publicKeyPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data: string) => sign(null, Buffer.from(data, 'utf8'), key).toString('base64'),
  };
}

/**
 * The platform's Ed25519 key, kept in the registry database so evidence signed today still
 * verifies against the key published after a restart. Created on first use.
 */
export function loadOrCreateSigner(db: DatabaseSync, clock: () => Date = () => new Date()): PlatformSigner {
  db.exec(
    'CREATE TABLE IF NOT EXISTS platform_keys (name TEXT PRIMARY KEY, private_pem TEXT NOT NULL, public_pem TEXT NOT NULL, created_at TEXT NOT NULL)',
  );
  let row = db.prepare("SELECT private_pem, public_pem FROM platform_keys WHERE name = 'exchange-signing'").get() as
    { private_pem: string; public_pem: string } | undefined;
  if (!row) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    row = {
      private_pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      public_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    db.prepare(
      "INSERT OR IGNORE INTO platform_keys (name, private_pem, public_pem, created_at) VALUES ('exchange-signing', ?, ?, ?)",
    ).run(row.private_pem, row.public_pem, clock().toISOString());
    row = db
      .prepare("SELECT private_pem, public_pem FROM platform_keys WHERE name = 'exchange-signing'")
      .get() as typeof row;
  }
  return signerOf(row.private_pem);
}
