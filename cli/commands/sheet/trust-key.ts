import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../usage-error.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet trust-key <PEM_FILE|FINGERPRINT> --name "…"`: runs signed with the key are backed by a platform KOMBIT trusts. */
export async function trustKey({ values, rest, sheetPath, actor, args }: SheetContext): Promise<number> {
  args(1, 1, 'a platform key: its PEM file or its fingerprint (as klarmeld verify prints it), and --name');
  const { trustPlatformKey } = await import('../../services/sheet-record-run.ts');
  const { TrustedKeyError } = await import('../../../conformance/onboarding/index.ts');
  const given = rest[0]!;
  const key = existsSync(given) ? { publicKey: await readPublicKeyPem(given) } : { fingerprint: given };
  if ('fingerprint' in key && /[/\\]|\.pem$/i.test(given))
    throw new UsageError(
      `${given}: no such file. Give the platform's public key (PEM file) or its 64-hex-digit fingerprint.`,
    );
  try {
    const { key: trusted, added } = trustPlatformKey(sheetPath, { ...key, name: values.name ?? '', addedBy: actor });
    if (values.json) printJson({ ...trusted, added });
    else
      process.stdout.write(
        `${added ? 'Trusted' : 'Already trusted'}: platform key ${trusted.fingerprint} ("${trusted.name}", added by ${trusted.addedBy} ${trusted.addedAt}) in ${sheetPath}\n`,
      );
    return 0;
  } catch (error) {
    if (error instanceof TrustedKeyError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * A platform's public key from a PEM file, checked before the sheet trusts it: a file that is not
 * a key, or is a private key (which nobody should hand around), is a usage error, not a crash.
 */
async function readPublicKeyPem(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  if (/PRIVATE KEY-----/.test(text))
    throw new UsageError(
      `${file} holds a private key. Give the platform's public key (GET /.well-known/klarmeld/signing-key), never its private key.`,
    );
  try {
    createPublicKey(text);
  } catch {
    throw new UsageError(
      `${file} is not a public key in PEM form. Give the platform's public key (GET /.well-known/klarmeld/signing-key) or its fingerprint.`,
    );
  }
  return text;
}
