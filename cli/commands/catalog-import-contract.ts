import { fileURLToPath } from 'node:url';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';

const HELP = `klarmeld catalog import-contract: record an official contract's services and operations in the catalogue

Usage:
  klarmeld catalog import-contract <dir|file.wsdl|openapi.json> --integration SF1500 --version 3.1 [--write] [--json] [--dir DIR]

Reads a WSDL/XSD bundle (a directory or a .wsdl file, following its imports) or an OpenAPI 3
document, and shows the services (name, protocol, operations with soapAction or method and path)
and the changes they make to that version of catalog/data/integrations/<SF>.yaml.

Options:
  --integration ID   the integration, e.g. SF1500
  --version V        the integration version in the catalogue, e.g. 3.1, or "unnumbered" for the
                     version whose number KOMBIT has not published
  --write            save the changes to the integration's file (comments and other fields are kept)
  --dir DIR          the catalogue's data directory (default: the shipped catalog/data)
  --json             print plain JSON`;

const options = {
  integration: { type: 'string' },
  version: { type: 'string' },
  write: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  dir: { type: 'string' },
} as const;

const defaultCatalogDir = () => fileURLToPath(new URL('../../catalog/data', import.meta.url));

/** `klarmeld catalog import-contract`: exit 0 done, 1 the contract or catalogue could not be used, 2 usage. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'arguments' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Give exactly one contract: a directory, a .wsdl file or an OpenAPI document.\n\n${HELP}`);
  if (!values.integration || !values.version) throw new UsageError(`--integration and --version are required, e.g. --integration SF1500 --version 3.1.\n\n${HELP}`);
  const { importContract } = await import('../services/catalog-import-contract.ts');
  const { importIntoCatalogue } = await import('../services/catalog-import-contract-write.ts');
  try {
    const services = importContract(positionals[0]!);
    const { file, changes } = importIntoCatalogue(values.dir ?? defaultCatalogDir(), values.integration, values.version, services, values.write);
    const result = { integration: values.integration, version: values.version, services, file, changes, written: values.write };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write((await import('../services/catalog-import-contract-text.ts')).importContractText(result));
    return 0;
  } catch (error) {
    const e = error as Error & { code?: string; file?: string };
    if (e.code === undefined) throw error;
    if (values.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message, ...(e.file ? { file: e.file } : {}) } }, null, 2)}\n`);
    else process.stderr.write(`${e.message} [${e.code}]\n`);
    return 1;
  }
}
