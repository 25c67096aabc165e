/**
 * The contract between the platform core (TLS, routing, registry, recorder) and the simulated
 * services that plug into it (PersonLookup, the STS, Organisation, SDI, Beskedfordeler …).
 *
 * A service folder exports a `PlatformModule`: SOAP `handlers` (one per endpoint path) and plain
 * HTTP `routes` (REST variants, admin endpoints). The core has already done, before a handler
 * runs: TLS, mapping the client certificate to a registered it-system (`caller`; a certificate
 * not issued by the platform CA, revoked or unregistered never gets an HTTP answer), refusing a
 * connection without certificate on every endpoint but a holder-of-key one, the body size limit and
 * timeouts, content-type/SOAP-version checks, refusing DOCTYPE/entities, and parsing the
 * envelope into `document`. After it returns, the core records the exchange (recorder) and
 * signs its digest. Handlers never throw for bad input: they return a fault built with
 * `faults/` (a throw is answered with a server fault and recorded, but is a bug).
 */
import type { X509Certificate } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DatabaseSync } from 'node:sqlite';
import type { Document, Element } from '@xmldom/xmldom';
import type { Catalog } from '../../catalog/index.ts';
import type { Registry } from './registry/registry-types.ts';

export type SoapVersion = '1.1' | '1.2';

/** One problem found while validating a request or response, or checking its security. */
export interface Finding {
  severity: 'error' | 'warning';
  /** Permanent, e.g. `xsd.pattern`, `context.user-system-mismatch`. */
  code: string;
  message: string;
  /** Where: an XPath-like path of the element, when known. */
  path?: string;
}

/** The it-system behind the client certificate of the TLS connection. */
export interface Caller {
  systemUuid: string;
  systemName: string;
  /** Certificate subject as OpenSSL prints it (`node:crypto` X509Certificate.subject). */
  subject: string;
  /** SHA-256 fingerprint, lower-case hex without colons: the registry's key for certificates. */
  fingerprint: string;
  certificate: X509Certificate;
}

/**
 * A SOAP request as the core hands it to a handler. `caller` is the it-system of the TLS client
 * certificate; only a holder-of-key endpoint (`callerProof: 'message-signature'`) gets requests
 * without one (`PlatformRequest<Caller | undefined>`).
 */
export interface PlatformRequest<C extends Caller | undefined = Caller> {
  path: string;
  soapVersion: SoapVersion;
  /** SOAP 1.1 `SOAPAction` header or SOAP 1.2 `action` content-type parameter, quotes removed. */
  soapAction?: string;
  contentType: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as received (signature checks need it). */
  body: string;
  /** The parsed envelope (no DOCTYPE, no entities: refused before parsing). */
  document: Document;
  /** `soap:Body`'s first element child, or undefined for an empty body. */
  bodyElement: Element | undefined;
  caller: C;
  receivedAt: Date;
}

/** What a handler answers. Faults come from `faults/` and carry status 500. */
export interface PlatformReply {
  status: number;
  contentType: string;
  body: string;
  /** Operation name for the recorder, e.g. `PersonLookup`, `laes`, `Issue`. */
  operation?: string;
  /** Validation and security findings, recorded with the exchange. */
  findings: Finding[];
  fault?: { code: string; text: string };
}

/**
 * What a holder-of-key endpoint answers: the reply, and on a connection without client
 * certificate the registered it-system it proved to be the caller (the holder of the key that
 * signed the message, looked up in the registry). The core records the exchange as that system's;
 * a refusal that proved no system is recorded for none.
 */
export interface SignedCallerReply extends PlatformReply {
  caller?: Caller;
}

/** What every SOAP endpoint has, whatever proves its caller. */
interface EndpointBase {
  /** Catalogue integration id, e.g. `SF1520`. */
  integration: string;
  /** Catalogue service name, e.g. `PersonBaseDataExtendedService`. */
  service: string;
  /** Exact path, e.g. `/service/CPR/PersonBaseDataExtended/4` (a trailing slash is ignored). */
  path: string;
  /** The endpoint's SOAP version: the one its catalogue entry names and its early faults use. */
  soapVersion: SoapVersion;
  /**
   * A second SOAP version the endpoint also answers, in kind (content type, envelope, faults and
   * the handler's `request.soapVersion` all in the request's version). Only for a service whose
   * official contract and KOMBIT's description disagree: a client built from either must get the
   * answer the real environment gives it. Any other version still gets a VersionMismatch fault.
   */
  alsoAccepts?: SoapVersion;
  /**
   * The handler checks requests and answers against its own description of the contract (the
   * contract module's derived trees) and reports findings itself; the core's XSD validation, keyed
   * by integration, is skipped for it (it would check a v5 message against the integration's v4 XSD).
   */
  validatesItself?: boolean;
  /**
   * The request elements (`{namespace}local`) of the operations the handler implements. A
   * hand-written handler that names them keeps only those on its path; the contract module serves
   * the path's other imported operations. Without it the handler keeps the whole path.
   */
  requestElements?: readonly string[];
}

/**
 * An endpoint whose caller is the it-system of the TLS client certificate: Serviceplatformen's
 * context services (SF1520 …), where the certificate is the only proof of the caller. The core
 * refuses a connection without certificate before the handler runs.
 */
export interface CertificateEndpoint extends EndpointBase {
  callerProof?: 'tls-certificate';
  handle(request: PlatformRequest, platform: PlatformServices): Promise<PlatformReply>;
}

/**
 * A holder-of-key endpoint (the STS's certificatemixed SOAP endpoint, the Støttesystem services):
 * the WS-Security signature by the certificate the token is bound to proves the caller, so public
 * client libraries call without a TLS client certificate. Such a request reaches the handler with
 * `caller` undefined; the handler verifies the signature, refuses with a fault when it does not
 * hold, and returns the proven caller in its reply. With a certificate on the connection, the
 * caller is that certificate's system and the signature must be by the same certificate.
 */
export interface SignatureEndpoint extends EndpointBase {
  callerProof: 'message-signature';
  handle(request: PlatformRequest<Caller | undefined>, platform: PlatformServices): Promise<SignedCallerReply>;
}

/** One SOAP endpoint. */
export type ServiceHandler = CertificateEndpoint | SignatureEndpoint;

/** A plain HTTP request (REST STS, admin endpoints, the recorder's inspection API). */
export interface RouteRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Always present: the core answers a connection without client certificate 401 before any route runs. */
  caller: Caller;
  receivedAt: Date;
}

export interface RouteReply {
  status: number;
  contentType: string;
  body: string;
  /** A body sent as it is made, with other requests served between its pieces (`body` is then ''): for answers too large to build at once. */
  stream?: AsyncIterable<string>;
  headers?: Record<string, string>;
  /** Set to record the exchange like a SOAP call (e.g. the REST STS); admin routes leave it out. */
  record?: {
    integration: string;
    service: string;
    operation: string;
    findings: Finding[];
    fault?: { code: string; text: string };
  };
}

/** A plain HTTP route. `path` is exact, or a prefix when it ends with `*`. */
export interface CertificateRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  browser?: false;
  handle(request: RouteRequest, platform: PlatformServices): Promise<RouteReply>;
}

/**
 * A request a user's browser makes: no client certificate, unless the browser happens to hold one.
 * `rawQuery` is the query string as sent (without `?`; the core always gives it): a Redirect-binding
 * signature covers its octets.
 */
export type BrowserRequest = Omit<RouteRequest, 'caller'> & { caller?: Caller; rawQuery?: string };

/**
 * A page a user's browser opens (the Context Handler's single sign-on and logout): served on a
 * connection without client certificate, since a browser has none. The it-system behind the
 * request is proven by the signature of the SAML message it carries; the reply names it, and only
 * then is the exchange recorded (as that system's), as for a holder-of-key endpoint.
 */
export interface BrowserRoute {
  method: 'GET' | 'POST';
  path: string;
  browser: true;
  handle(request: BrowserRequest, platform: PlatformServices): Promise<RouteReply & { caller?: Caller }>;
}

export type HttpRoute = CertificateRoute | BrowserRoute;

/** The platform's Ed25519 key: signs exchange digests (evidence) and anything else that needs it. */
export interface PlatformSigner {
  /** SPKI PEM, also served at `/.well-known/klarmeld/signing-key`. */
  publicKeyPem: string;
  /** Ed25519 signature over the UTF-8 bytes of `data`, base64. */
  sign(data: string): string;
}

/** The platform's test PKI, for services that sign (STS assertions) or call out (Beskedfordeler push). */
export interface PlatformPki {
  caCertPem: string;
  caCertPath: string;
  /**
   * A certificate and key issued by the platform CA for one of the platform's own roles (e.g. `sts`
   * for SAML signing, `beskedfordeler` as the TLS client of push deliveries). Created on first use,
   * kept in the data directory, the same on every start.
   */
  serviceCertificate(role: string): Promise<{ certPem: string; keyPem: string; certPath: string; keyPath: string }>;
}

/** Checks an element against the contract's XSDs. Returns no findings when the contract is unknown. */
export interface ContractValidation {
  enabled: boolean;
  /** True when the contract of this integration is known (otherwise validation is skipped, not faked). */
  covers(integration: string): boolean;
  validate(integration: string, element: Element): Finding[];
}

/** Read side of the recorder (the exchanges API, the evidence route). */
export interface ExchangeReader {
  /** Signed exchange records of one it-system, oldest first (`since`: ISO time, inclusive). */
  exchanges(query: { systemUuid: string; since?: string; limit?: number }): unknown[];
  /** Which of these digests were NOT recorded for that it-system. */
  unknownDigests(systemUuid: string, digests: readonly string[]): string[];
}

/** What every handler and route gets from the core. */
export interface PlatformServices {
  registry: Registry;
  catalog: Catalog;
  clock: () => Date;
  signer: PlatformSigner;
  pki: PlatformPki;
  validation: ContractValidation;
  recorder: ExchangeReader;
  /** The platform's SQLite database (WAL). Stateful services create their own tables, prefixed with their folder name. */
  database: DatabaseSync;
  /** The data directory (CA, keys, database). */
  dataDir: string;
  /** Base URL of the running server, e.g. `https://127.0.0.1:8443`. */
  baseUrl: string;
}

/** What a service folder exports (as `platformModule` from its `index.ts`). */
export interface PlatformModule {
  name: string;
  /**
   * Set for a module that serves what no other module serves (the contract module): its handlers
   * take only paths no other module's handler has, so hand-written services keep their paths.
   */
  fallback?: boolean;
  /** Integrations the module's plain routes simulate (handlers name their own); read by `catalog coverage`. */
  simulates?: readonly string[];
  handlers?: ServiceHandler[];
  routes?: HttpRoute[];
  /** Called once the server listens (e.g. to start a delivery loop); undone by `stop`. */
  start?(platform: PlatformServices): Promise<void> | void;
  stop?(): Promise<void> | void;
}
