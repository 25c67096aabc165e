import { describe, expect, it } from 'vitest';
import { findOperation, readContract } from './index.ts';

const model = readContract(new URL('../contracts/SF1500/6/Bruger.wsdl', import.meta.url).pathname);
const LAES = '{http://stoettesystemerne.dk/organisation/bruger/6/}LaesInput';

describe('findOperation', () => {
  it('finds an operation by soapAction (quoted or not) or by body element', () => {
    expect(
      findOperation(model, { soapAction: '"http://kombit.dk/sts/organisation/bruger/soeg"' })?.operation.name,
    ).toBe('soeg');
    expect(findOperation(model, { element: LAES })?.operation.name).toBe('laes');
    expect(
      findOperation(model, { soapAction: 'http://kombit.dk/sts/organisation/bruger/laes', element: LAES })?.port
        .soapVersion,
    ).toBe('1.2');
  });

  it('finds nothing for an unknown action, or when action and body disagree', () => {
    expect(findOperation(model, { soapAction: 'http://kombit.dk/sts/organisation/bruger/opret' })).toBeUndefined();
    expect(
      findOperation(model, { soapAction: 'http://kombit.dk/sts/organisation/bruger/soeg', element: LAES }),
    ).toBeUndefined();
    expect(findOperation(model, {})).toBeUndefined();
  });
});
