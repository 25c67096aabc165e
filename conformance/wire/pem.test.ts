import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki } from '../platform/index.ts';
import { subjectName } from './pem.ts';

let pki: Awaited<ReturnType<typeof createTestPki>>;
beforeAll(async () => {
  pki = await createTestPki();
});

describe('subjectName (the NameID of an STS token)', () => {
  it('writes a FOCES subject as KOMBIT does, whichever order the certificate encodes it in', async () => {
    const realOrder = await pki.issue(
      'C=DK, O=GLOBETEAM A/S // CVR:25959701, CN=Test FOCES Service Platform Certificate (funktionscertifikat)+2.5.4.5=CVR:25959701-FID:75601718',
    );
    const reversed = await pki.issue(
      'CN=Test FOCES Service Platform Certificate (funktionscertifikat)+2.5.4.5=CVR:25959701-FID:75601718, O=GLOBETEAM A/S // CVR:25959701, C=DK',
    );
    const expected =
      'SERIALNUMBER=CVR:25959701-FID:75601718 + CN=Test FOCES Service Platform Certificate (funktionscertifikat), O=GLOBETEAM A/S // CVR:25959701, C=DK';
    expect(subjectName(realOrder.certPem)).toBe(expected);
    expect(subjectName(reversed.certPem)).toBe(expected);
  });
});
