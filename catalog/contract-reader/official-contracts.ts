import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the official KOMBIT contracts live for tests: `../shared/contracts` beside the repository
 * (override with KLARMELD_OFFICIAL_CONTRACTS). Tests only; the project never ships these files.
 */
export const officialContractsDir = (): string =>
  process.env.KLARMELD_OFFICIAL_CONTRACTS ??
  resolve(fileURLToPath(new URL('../../../shared/contracts', import.meta.url)));

const SF1500 = 'itk-dev__serviceplatformen/resources/sf1500/Tekniske specifikationer (v6.0 Services)/v6_0_0_0';
const PBD = 'itk-dev__serviceplatformen/resources/person-base-data-extended-service-contract';
const KOSDY = 'kombit__kosdy_infrastructureSamples-java/src/main/resources/wsdl';
const YDI = 'kombit__kosdy_infrastructureSamplesYdelse-java/src/main/resources/wsdl/YdelsesIndeks';
const RANDERS = 'Randers-Kommune-Digitalisering__serviceplatformen-examples/WsdlForINtegrations';
const BFO = 'kombit__bfo_infrastructureSamples-java/bf-client-example-app/src/main/resources/beskedfordeler';

/** Paths of the official bundles the tests read, relative to `officialContractsDir()`. */
export const OFFICIAL = {
  sf1500Dir: `${SF1500}`,
  sf1500Wsdl: (name: string) => `${SF1500}/wsdl/${name}.wsdl`,
  personBaseDataContext: `${PBD}/wsdl/context/PersonBaseDataExtendedService.wsdl`,
  personBaseDataToken: `${PBD}/wsdl/token/PersonBaseDataExtendedService.wsdl`,
  personBaseDataDir: PBD,
  sagDokumentIndeks6: `${KOSDY}/SagDokumentIndeks/wsdl/SagDokumentIndeksService_6.wsdl`,
  sagDokumentIndeks5Context: `${KOSDY}/SagDokumentIndeks/wsdl/context/SagDokumentIndeksService.wsdl`,
  sagDokumentIndeks5Token: `${KOSDY}/SagDokumentIndeks/wsdl/token/SagDokumentIndeksService.wsdl`,
  sagDokumentIndeksDir: `${KOSDY}/SagDokumentIndeks`,
  klasse7: `${KOSDY}/Klasse/Klasse.wsdl`,
  sts: `${KOSDY}/sts.wsdl`,
  beskedfordelerWsdl: `${BFO}/wsdl/Beskedfordeler.wsdl`,
  beskedfordelerPush: `${BFO}/xsd/AnvendersystemOperationer.xsd`,
  beskedkuvert: `${BFO}/xsd/Beskedkuvert.xsd`,
  beskedfordelerDir: BFO,
  klassifikationRest: 'kombit__dokumentation-sandkasse/KlassifikationListeHentREST/KlassifikationListeHentREST.json',
  ydelsesIndeksWsdl: (name: 'YdelseIndeks' | 'BevillingIndeks' | 'OekonomiskEffektueringIndeks') =>
    `${YDI}/wsdl/${name}.wsdl`,
  ydelsesIndeksDir: YDI,
  klasse7Served: 'kombit__kosdy_infrastructureSamples-net6/wsdl/Klasse/wsdl/KlasseService.wsdl',
  ydelseListeHent: `${RANDERS}/YdelseListeHentService/YdelseListeHentServiceOIOIDWS.wsdl`,
  personBaseData5Dir: `${RANDERS}/PersonBaseDataExtendedService`,
  personBaseData5Context: `${RANDERS}/PersonBaseDataExtendedService/wsdl/context/PersonBaseDataExtendedService.wsdl`,
  print2Dir: 'itk-dev__serviceplatformen/resources/sf1600',
  print2Context: 'itk-dev__serviceplatformen/resources/sf1600/wsdl/context/PrintService.wsdl',
  demoServiceDir: 'Serviceplatformen__demoservice-client-net/contracts',
  demoServiceContext: 'Serviceplatformen__demoservice-client-net/contracts/wsdl/context/DemoService.wsdl',
} as const;

/** Absolute path of an official contract file. */
export const official = (relative: string): string => join(officialContractsDir(), relative);
