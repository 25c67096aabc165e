/**
 * The shape of the client wsdl-tsclient generates from the official SF1500 Bruger WSDL (the test
 * generates it at run time into node_modules/.cache and imports it with this type).
 */
import type { Client, IOptions } from 'soap';

export interface GeneratedBrugerClient extends Client {
  laesAsync(input: unknown): Promise<[result: unknown, rawResponse: unknown, soapHeader: unknown, rawRequest: unknown]>;
}

export declare function createClientAsync(
  wsdl: string,
  options?: IOptions,
  endpoint?: string,
): Promise<GeneratedBrugerClient>;
