import { fileURLToPath } from 'node:url';

/** The catalogue's contracts folder, where the generated clients read their WSDL at run time. */
export const contractsDir = fileURLToPath(new URL('../../../catalog/contracts', import.meta.url));
