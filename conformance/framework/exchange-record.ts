import { z } from 'zod';

export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'a sha256 digest: 64 lower-case hex digits' });

/**
 * One exchange as the platform recorded it. The framework does not interpret the record: it
 * carries it unchanged so `digest` (= exchangeDigest of the record) and `signature` (the
 * platform's Ed25519 signature over the digest) still verify.
 */
export const exchangeRecord = z
  .looseObject({
    digest: hex64,
    signature: z.string().min(1).meta({ description: 'base64 Ed25519 signature of the digest by the platform key' }),
  })
  .meta({ description: 'An exchange recorded and signed by the platform, embedded unchanged' });
export type ExchangeRecord = z.infer<typeof exchangeRecord>;
