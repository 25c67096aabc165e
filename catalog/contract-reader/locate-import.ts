import { basename, dirname, resolve } from 'node:path';

/**
 * The file an import's location names. A relative location is resolved beside the importing file.
 * An absolute URL is the schema as KOMBIT's test endpoint serves it
 * (`https://klassifikation.eksterntest-stoettesystemerne.dk/klasse/7?xsd=../xsd/7.0.STS-0/Klasse.xsd`):
 * the bundle holds that file under its own name beside the importing file (KOMBIT's downloaded
 * KlasseService v7 does), so the import reads it offline instead of fetching anything.
 */
export function locateImport(importingFile: string, location: string): string {
  if (!/^https?:\/\//i.test(location)) return resolve(dirname(importingFile), location);
  const url = new URL(location);
  const named = [...url.searchParams.values()].find((v) => /\.(xsd|wsdl)$/i.test(v)) ?? url.pathname;
  return resolve(dirname(importingFile), basename(named));
}
