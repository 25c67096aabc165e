import { selectOne } from '../../clients/index.ts';
import { elements, namespaces } from '../shared/xml-checks.ts';

/** SagDokumentIndeks v6's operation elements (ImporterSagDokumentIndeksInput …). */
const sdiNamespace = 'urn:oio:sts:sagdok:sagdokumentindeks:6';

/**
 * The UUIDs (lower case) of the cases an importer request indexes: the UUIDIdentifikator of each
 * SagIndeks, in request order. Documents (DokumentIndeks) are not counted.
 */
export function importedCaseUuids(xml: string | undefined): string[] {
  return elements(xml, sdiNamespace, 'SagIndeks').map(
    (sag) =>
      selectOne(`*[local-name()='UUIDIdentifikator' and namespace-uri()='${namespaces.sagdok}']`, sag)
        ?.textContent?.trim()
        .toLowerCase() ?? '',
  );
}
