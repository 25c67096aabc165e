import { fileURLToPath } from 'node:url';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';

const HELP = `klarmeld catalog import-contract: record an official contract's services, operations and messages in the catalogue

Usage:
  klarmeld catalog import-contract <dir|file.wsdl|openapi.json|metadata.xml> --integration SF1500 --version 3.1 [--write] [--create] [--remove-missing] [--depth N] [--entity-id URI] [--service-uuid U] [--endpoint URL] [--service NAME] [--json] [--dir DIR]

Reads a WSDL/XSD bundle (a directory or a .wsdl file, following its imports), an OpenAPI 3
document, or a SAML 2.0 identity provider's metadata (an EntityDescriptor, such as the Context
Handler's metadata.xml: its SingleSignOn and SingleLogout services, bindings, NameID formats,
attributes and signing requirements), and shows the services (name, protocol, operations with soapAction or method and path,
request and response elements with their fields) and the changes they make to that version of
catalog/data/integrations/<SF>.yaml. A contract's service is the catalogue service it shares
soapActions, an endpoint path, a ServiceUUID or an entity ID with, before one of the same name.
GraphQL schemas are not read (the message says how to record one by hand).

Options:
  --integration ID   the integration, e.g. SF1500
  --version V        the integration version in the catalogue, e.g. 3.1, or "unnumbered" for the
                     version whose number KOMBIT has not published
  --write            save the changes; only the imported services' operations (and protocol) change,
                     every other line of the file stays as written
  --create           write a new integrations/<ID>.yaml from the contract (with --write); it names
                     what to fill in by hand, which catalog check reports until it is there
  --remove-missing   remove catalogue operations the contract does not have (otherwise they are
                     kept and listed)
  --depth N          levels of message fields to record (default 2, 0 for the elements only);
                     deeper complex fields keep their type name
  --entity-id URI    the service's entity ID, when the bundle has no service.properties (a source
                     such as KOMBIT's sample configuration gives it); one service per import
  --service-uuid U   the service's ServiceUUID, likewise
  --endpoint URL     the service's external test URL; its path becomes the path on the embedded
                     platform (WSDL addresses are often placeholders)
  --service NAME     import only this service of SAML metadata: SingleSignOn or SingleLogout
  --dir DIR          the catalogue's data directory (default: the shipped catalog/data)
  --json             print plain JSON

Exit 0 done, 1 the contract or catalogue could not be used or a service matched two catalogue
services equally (it is skipped and named), 2 usage.`;

const options = {
  integration: { type: 'string' },
  version: { type: 'string' },
  write: { type: 'boolean', default: false },
  create: { type: 'boolean', default: false },
  'remove-missing': { type: 'boolean', default: false },
  depth: { type: 'string' },
  json: { type: 'boolean', default: false },
  dir: { type: 'string' },
  'entity-id': { type: 'string' },
  'service-uuid': { type: 'string' },
  endpoint: { type: 'string' },
  service: { type: 'string' },
} as const;

const defaultCatalogDir = () => fileURLToPath(new URL('../../catalog/data', import.meta.url));

/** `klarmeld catalog import-contract`: exit 0 done, 1 the contract or catalogue could not be used (or a service was skipped), 2 usage. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'arguments' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError(`Give exactly one contract: a directory, a .wsdl file or an OpenAPI document.\n\n${HELP}`);
  if (!values.integration || !values.version)
    throw new UsageError(
      `--integration and --version are required, e.g. --integration SF1500 --version 3.1.\n\n${HELP}`,
    );
  const depth = values.depth === undefined ? undefined : Number(values.depth);
  if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0 && depth <= 8))
    throw new UsageError(`--depth takes a whole number from 0 to 8, not "${values.depth}".\n\n${HELP}`);
  const { importContract } = await import('../services/catalog-import-contract.ts');
  const { importIntoCatalogue } = await import('../services/catalog-import-contract-write.ts');
  try {
    const identity = { entityId: values['entity-id'], serviceUuid: values['service-uuid'], endpoint: values.endpoint };
    const { isSamlMetadataFile, importSamlMetadata } = await import('../services/catalog-import-saml.ts');
    const services = isSamlMetadataFile(positionals[0]!)
      ? importSamlMetadata(positionals[0]!, values.service)
      : importContract(positionals[0]!, { ...(depth !== undefined && { depth }), identity });
    const outcome = importIntoCatalogue(
      values.dir ?? defaultCatalogDir(),
      values.integration,
      values.version,
      services,
      values.write,
      { create: values.create, removeMissing: values['remove-missing'] },
    );
    const result = {
      integration: values.integration,
      version: values.version,
      services,
      ...outcome,
      written: values.write,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write((await import('../services/catalog-import-contract-text.ts')).importContractText(result));
    return outcome.changes.some((c) => c.action === 'skipped') ? 1 : 0;
  } catch (error) {
    const e = error as Error & { code?: string; file?: string };
    if (e.code === undefined) throw error;
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: e.code, message: e.message, ...(e.file ? { file: e.file } : {}) } }, null, 2)}\n`,
      );
    else process.stderr.write(`${e.message} [${e.code}]\n`);
    return 1;
  }
}
