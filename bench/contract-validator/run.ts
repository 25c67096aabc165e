/**
 * Speed of the contract reader and the XML validator the platform runs on every request and
 * response. Run: `npx node bench/contract-validator/run.ts`. Single process, one core.
 */
import { DOMParser } from '@xmldom/xmldom';
import { fileURLToPath } from 'node:url';
import { compileValidator, readContract } from '../../catalog/contract-reader/index.ts';
import { OFFICIAL, official } from '../../catalog/contract-reader/official-contracts.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PBD = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';

const request = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
<pbd:PersonLookupRequest xmlns:pbd="${PBD}" xmlns:ic="http://serviceplatformen.dk/xml/schemas/InvocationContext/1/" xmlns:p="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/">
<ic:InvocationContext><ic:ServiceAgreementUUID>a0000000-0000-4000-8000-000000000001</ic:ServiceAgreementUUID><ic:UserSystemUUID>a0000000-0000-4000-8000-000000000002</ic:UserSystemUUID><ic:UserUUID>a0000000-0000-4000-8000-000000000003</ic:UserUUID><ic:ServiceUUID>a0000000-0000-4000-8000-000000000004</ic:ServiceUUID></ic:InvocationContext>
<p:PNR>0101001234</p:PNR></pbd:PersonLookupRequest></s:Body></s:Envelope>`;

const response = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><pbd:PersonLookupResponse xmlns:pbd="${PBD}">
<pbd:persondata><pbd:personnummer>0101001234</pbd:personnummer><pbd:navn><pbd:personadresseringsnavn>Jensen,Anna</pbd:personadresseringsnavn><pbd:fornavn>Anna</pbd:fornavn><pbd:efternavn>Jensen</pbd:efternavn></pbd:navn>
<pbd:foedselsdato><pbd:dato>2000-01-01</pbd:dato></pbd:foedselsdato><pbd:alder>26</pbd:alder><pbd:koen>K</pbd:koen><pbd:antalBoernUnder18>1</pbd:antalBoernUnder18>
<pbd:status><pbd:status>1</pbd:status><pbd:statusdato><pbd:dato>2000-01-01T00:00:00</pbd:dato></pbd:statusdato></pbd:status>
<pbd:civilstand><pbd:civilstand>G</pbd:civilstand></pbd:civilstand><pbd:adressebeskyttelse><pbd:beskyttet>false</pbd:beskyttet></pbd:adressebeskyttelse><pbd:tilmeldtDigitalpost>true</pbd:tilmeldtDigitalpost></pbd:persondata>
<pbd:adresse><pbd:aktuelAdresse><pbd:kommunekode>999</pbd:kommunekode><pbd:vejkode>100</pbd:vejkode><pbd:husnummer>1</pbd:husnummer><pbd:postnummer>9999</pbd:postnummer><pbd:vejnavn>Testvej</pbd:vejnavn></pbd:aktuelAdresse></pbd:adresse>
<pbd:relationer><pbd:aegtefaelle><pbd:personnummer>0101001235</pbd:personnummer></pbd:aegtefaelle><pbd:barn><pbd:personnummer>0101201234</pbd:personnummer></pbd:barn></pbd:relationer>
</pbd:PersonLookupResponse></s:Body></s:Envelope>`;

function timeIt(label: string, n: number, fn: () => void): string {
  for (let i = 0; i < Math.min(2000, n); i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = performance.now() - t;
  const line = `| ${label} | ${((ms * 1000) / n).toFixed(1)} µs | ${Math.round((n / ms) * 1000).toLocaleString('en')} /s |`;
  console.log(line);
  return line;
}

const t0 = performance.now();
const sf1500 = readContract(official(`${OFFICIAL.sf1500Dir}/wsdl`));
const readMs = performance.now() - t0;
const t1 = performance.now();
const model = readContract(here('../../catalog/contracts/SF1520/4/PersonBaseDataExtendedService.wsdl'));
const validator = compileValidator(model);
const compileMs = performance.now() - t1;
console.log(
  `read SF1500 v6 bundle (16 WSDL, ${sf1500.files.length} files): ${readMs.toFixed(0)} ms; read + compile SF1520: ${compileMs.toFixed(1)} ms`,
);

const parser = new DOMParser();
const reqDoc = parser.parseFromString(request, 'text/xml').documentElement as unknown as Element;
const resDoc = parser.parseFromString(response, 'text/xml').documentElement as unknown as Element;
if (validator.validate(reqDoc).length + validator.validate(resDoc).length > 0)
  throw new Error('bench messages must be valid');

console.log('| what | per call | rate (one core) |\n|---|---|---|');
timeIt('validate PersonLookup request envelope (DOM given)', 100_000, () => validator.validate(reqDoc));
timeIt('validate PersonLookup response envelope (DOM given)', 100_000, () => validator.validate(resDoc));
timeIt('parse (xmldom) + validate request envelope (string given)', 30_000, () => validator.validate(request));
timeIt('xmldom parse of the response alone, for comparison', 30_000, () =>
  parser.parseFromString(response, 'text/xml'),
);
