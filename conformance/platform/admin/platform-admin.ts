import { X509Certificate } from 'node:crypto';
import type { Catalog } from '../../../catalog/index.ts';
import type { PlatformPkiStore } from '../pki/platform-pki.ts';
import { fingerprintOf } from '../registry/fingerprint.ts';
import type { ItSystem, ServiceAgreement } from '../registry/registry-types.ts';
import type { SqliteRegistry } from '../registry/sqlite-registry.ts';
import {
  pushToCallback,
  type CallbackPush,
  type CallbackPushOutcome,
} from '../services/beskedfordeler/push-to-callback.ts';
import { PlatformAdminError } from './admin-error.ts';
import { resolveService } from './resolve-service.ts';

/** Korsbæk Kommune, the test municipality: agreements with it are approved at once (prøvetilslutning). */
export const korsbaekCvr = '11111111';
/** Supplier CVR used when none is given: KOMBIT samples use 99999999 for a made-up organisation. */
export const defaultSupplierCvr = '99999999';

export interface AddedSystem {
  systemUuid: string;
  name: string;
  supplierCvr: string;
  /** Paths of the PEM files: client certificate, its private key, the platform CA. */
  cert: string;
  key: string;
  ca: string;
}

export interface AddedAgreement {
  agreementUuid: string;
  systemUuid: string;
  integration: string;
  service: string;
  serviceUuid?: string;
  entityId?: string;
  municipalityCvr: string;
  status: 'pending' | 'approved';
}

const cvrPattern = /^\d{8}$/;

/**
 * What KOMBIT's Administrationsmodul does for the test environment: register it-systems and
 * issue their certificates, create and approve service agreements, revoke certificates.
 * Used by `klarmeld platform …` and by tests through `startPlatform().admin`.
 */
export class PlatformAdmin {
  private readonly registry: SqliteRegistry;
  private readonly pki: PlatformPkiStore;
  private readonly catalog: Catalog;

  constructor(registry: SqliteRegistry, pki: PlatformPkiStore, catalog: Catalog) {
    this.registry = registry;
    this.pki = pki;
    this.catalog = catalog;
  }

  async addSystem(input: {
    name: string;
    supplierCvr?: string;
    callback?: string;
    uuid?: string;
  }): Promise<AddedSystem> {
    const supplierCvr = input.supplierCvr ?? defaultSupplierCvr;
    if (!input.name.trim()) throw new PlatformAdminError('platform.bad-name', 'Give the it-system a name.');
    if (!cvrPattern.test(supplierCvr))
      throw new PlatformAdminError('platform.bad-cvr', `Supplier CVR ${supplierCvr} must be 8 digits.`);
    if (this.registry.findSystem(input.name)) {
      throw new PlatformAdminError(
        'platform.system-exists',
        `An it-system named ${input.name} is already registered. Choose another name or use the existing one.`,
      );
    }
    if (input.callback !== undefined && !/^https:\/\//.test(input.callback)) {
      throw new PlatformAdminError(
        'platform.bad-callback',
        `Callback ${input.callback} must be an https:// URL: the platform pushes over mutual TLS.`,
      );
    }
    const uuid = (input.uuid ?? crypto.randomUUID()).toLowerCase();
    const files = await this.pki.issueSystemCertificate({ uuid, name: input.name, supplierCvr });
    const cert = new X509Certificate(files.certPem);
    const system = this.registry.transaction(() => {
      const added = this.registry.addSystem({ name: input.name, supplierCvr, uuid });
      this.registry.addCertificate({
        fingerprint: fingerprintOf(cert),
        systemUuid: uuid,
        subject: cert.subject,
        serialNumber: cert.serialNumber,
        certPem: files.certPem,
      });
      if (input.callback) this.registry.addCallbackEndpoint({ systemUuid: uuid, url: input.callback });
      return added;
    });
    return {
      systemUuid: system.uuid,
      name: system.name,
      supplierCvr,
      cert: files.certPath,
      key: files.keyPath,
      ca: files.caPath,
    };
  }

  addAgreement(input: { system: string; service: string; municipalityCvr: string }): AddedAgreement {
    const system = this.system(input.system);
    if (!cvrPattern.test(input.municipalityCvr))
      throw new PlatformAdminError('platform.bad-cvr', `Municipality CVR ${input.municipalityCvr} must be 8 digits.`);
    const known = this.catalog.municipalities;
    if (known.length > 0 && !known.some((m) => m.cvr === input.municipalityCvr)) {
      throw new PlatformAdminError(
        'platform.unknown-municipality',
        `No municipality with CVR ${input.municipalityCvr} in the catalogue. Korsbæk Kommune, the test municipality, is ${korsbaekCvr}.`,
      );
    }
    const service = resolveService(this.catalog, input.service);
    const agreement = this.registry.addAgreement({
      systemUuid: system.uuid,
      ...service,
      municipalityCvr: input.municipalityCvr,
      status: input.municipalityCvr === korsbaekCvr ? 'approved' : 'pending',
    });
    return view(agreement);
  }

  approveAgreement(uuid: string): AddedAgreement {
    const agreement = this.registry.approveAgreement(uuid);
    if (!agreement)
      throw new PlatformAdminError(
        'platform.unknown-agreement',
        `No service agreement ${uuid}. List them with \`klarmeld platform agreement list\`.`,
      );
    return view(agreement);
  }

  revokeSystem(uuidOrName: string): { systemUuid: string; name: string; revoked: number } {
    const system = this.system(uuidOrName);
    return { systemUuid: system.uuid, name: system.name, revoked: this.registry.revokeSystem(system.uuid) };
  }

  agreements(systemUuidOrName?: string): AddedAgreement[] {
    const systems = systemUuidOrName ? [this.system(systemUuidOrName)] : this.registry.listSystems();
    return systems.flatMap((s) => this.registry.agreementsOf(s.uuid)).map(view);
  }

  /**
   * The Beskedfordeler pushes one message to the system's callback, as it does for a conformance
   * run (`pushToCallback`): the platform builds and sends it with its own certificate, so only the
   * platform holds its key. Resolves with the system's answer; never throws for a callback that
   * does not answer (that is the outcome's `error`).
   */
  async pushMessage(input: CallbackPush & { system: string }): Promise<CallbackPushOutcome> {
    const system = this.system(input.system);
    if (!/^https:\/\//.test(input.url))
      throw new PlatformAdminError(
        'platform.bad-callback',
        `Callback ${input.url} must be an https:// URL: the platform pushes over mutual TLS.`,
      );
    return pushToCallback(this.pki, system, input);
  }

  private system(uuidOrName: string): ItSystem {
    const system = this.registry.findSystem(uuidOrName);
    if (!system)
      throw new PlatformAdminError(
        'platform.unknown-system',
        `No it-system ${uuidOrName}. Register it with \`klarmeld platform system add <name>\`.`,
      );
    return system;
  }
}

function view(a: ServiceAgreement): AddedAgreement {
  return {
    agreementUuid: a.uuid,
    systemUuid: a.systemUuid,
    integration: a.integration,
    service: a.service,
    serviceUuid: a.serviceUuid,
    entityId: a.entityId,
    municipalityCvr: a.municipalityCvr,
    status: a.status,
  };
}
