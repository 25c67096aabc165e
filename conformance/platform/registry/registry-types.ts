/**
 * The registry of the embedded platform: what KOMBIT's Administrationsmodul holds for the test
 * environment. It-systems (anvendersystemer), their certificates, service agreements
 * (serviceaftaler) and callback endpoints. Stored in SQLite (see `sqlite-registry.ts`).
 */
import type { X509Certificate } from 'node:crypto';

export interface ItSystem {
  /** User system UUID (UserSystemUUID in the InvocationContext), lower case. */
  uuid: string;
  name: string;
  /** Supplier (leverandør) CVR, 8 digits. */
  supplierCvr: string;
  createdAt: string;
}

export interface SystemCertificate {
  /** SHA-256 fingerprint, lower-case hex without colons. */
  fingerprint: string;
  systemUuid: string;
  subject: string;
  serialNumber: string;
  certPem: string;
  revoked: boolean;
  revokedAt?: string;
}

export type AgreementStatus = 'pending' | 'approved';

export interface ServiceAgreement {
  /** ServiceAgreementUUID, lower case. */
  uuid: string;
  systemUuid: string;
  /** Catalogue integration id, e.g. SF1520. */
  integration: string;
  /** Catalogue service name, e.g. PersonBaseDataExtendedService. */
  service: string;
  /** ServiceUUID for Serviceplatformen services; absent for services known only by entityID. */
  serviceUuid?: string;
  /** entityID (token audience) for Støttesystem services. */
  entityId?: string;
  municipalityCvr: string;
  status: AgreementStatus;
  createdAt: string;
  approvedAt?: string;
}

export interface CallbackEndpoint {
  systemUuid: string;
  url: string;
  /** Which push it receives, e.g. `SF1461`; absent = every push to this system. */
  integration?: string;
}

/** What identifies the service in an agreement lookup: any one is enough. */
export interface AgreementQuery {
  systemUuid: string;
  municipalityCvr: string;
  serviceUuid?: string;
  entityId?: string;
  integration?: string;
}

export interface NewSystem {
  name: string;
  supplierCvr: string;
  uuid?: string;
}

export interface NewAgreement {
  systemUuid: string;
  integration: string;
  service: string;
  serviceUuid?: string;
  entityId?: string;
  municipalityCvr: string;
  status: AgreementStatus;
  uuid?: string;
}

export interface Registry {
  /** The it-system of a certificate the platform issued and has not revoked; undefined otherwise. */
  systemByCertificate(certificate: X509Certificate): ItSystem | undefined;
  systemByFingerprint(fingerprint: string): ItSystem | undefined;
  /** True when the fingerprint belongs to a revoked certificate (the TLS layer refuses those). */
  isRevoked(fingerprint: string): boolean;
  /** An it-system by UUID or by exact name. */
  findSystem(uuidOrName: string): ItSystem | undefined;
  listSystems(): ItSystem[];
  certificatesOf(systemUuid: string): SystemCertificate[];

  agreement(uuid: string): ServiceAgreement | undefined;
  agreementsOf(systemUuid: string): ServiceAgreement[];
  /** An approved agreement of that system, for that service and municipality; undefined if none. */
  approvedAgreement(query: AgreementQuery): ServiceAgreement | undefined;

  callbackEndpoints(systemUuid: string): CallbackEndpoint[];

  addSystem(system: NewSystem): ItSystem;
  addCertificate(certificate: Omit<SystemCertificate, 'revoked' | 'revokedAt'>): void;
  /** Revokes every certificate of the system; returns how many were revoked. */
  revokeSystem(systemUuid: string): number;
  addAgreement(agreement: NewAgreement): ServiceAgreement;
  approveAgreement(uuid: string): ServiceAgreement | undefined;
  /** Removes the agreement; false when there was none. */
  removeAgreement(uuid: string): boolean;
  addCallbackEndpoint(endpoint: CallbackEndpoint): void;
}
