/**
 * Everything `klarmeld server` keeps, behind one small async interface, so that the same server
 * runs on SQLite files in its data folder (sqlite-server-store.ts) or on PostgreSQL (brief P).
 * Every method is async even where SQLite answers at once: PostgreSQL does not.
 *
 * Writes are append-only where a reader needs the past: runs change state only forward
 * (open → finished), and every write the API makes also appends a history entry (who, when,
 * what) through `appendHistory`, in the same call where one method does both.
 */
import type {
  ContestEvent,
  NewStatusEvent,
  NewTrustedPlatformKey,
  ProgrammeEvent,
  RunAppend,
  StatusEvent,
  TrustedPlatformKey,
} from '../../conformance/onboarding/index.ts';

/** Who may do what: KOMBIT (everything), a supplier (its own systems, by CVR), a municipality (agreements naming it). */
export type Role = 'kombit' | 'supplier' | 'municipality';

/** A caller the server knows, found by the hash of its bearer token. */
export interface Identity {
  id: string;
  role: Role;
  /** A name for people reading the history, e.g. "Acme A/S" or "Viborg Kommune". */
  name: string;
  /** The supplier's CVR (role supplier only). */
  cvr?: string;
  /** The municipality's three-digit kommunekode (role municipality only). */
  municipalityCode?: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The identity id of whoever issued it; '' for the admin written at first start. */
  createdBy: string;
}

export type NewIdentity = Omit<Identity, 'id' | 'createdAt'>;

/** A supplier's system registered on the server's platform: the catalogue id, bound to the supplier's CVR. */
export interface RegisteredSystem {
  /** The catalogue id (systems.yaml). */
  systemId: string;
  supplierCvr: string;
  /** The it-system UUID on the server's platform (the catalogue's userSystemUuid). */
  userSystemUuid: string;
  /** Where the system's Beskedfordeler callback listens, as the supplier registered it. */
  callbackUrl?: string;
  registeredAt: string;
  registeredBy: string;
}

export type NewRegisteredSystem = Omit<RegisteredSystem, 'registeredAt'>;

/** `open` while the server runs the suites; `finished` with a signed run document; `failed` when no document could be made. */
export type RunState = 'open' | 'finished' | 'failed';

/** A conformance run the server judges. */
export interface ServerRun {
  id: string;
  systemId: string;
  supplierCvr: string;
  state: RunState;
  openedAt: string;
  openedBy: string;
  finishedAt?: string;
  /** The signed run document (JSON text), once finished. */
  document?: string;
  exitCode?: number;
  /** Why the run failed (state failed), for the supplier. */
  problem?: string;
}

export type NewServerRun = Pick<ServerRun, 'id' | 'systemId' | 'supplierCvr' | 'openedBy'>;

/**
 * Who judges an open run: the instance that owns it renews `expiresAt` while it works (a
 * heartbeat); once that time has passed, any instance may end the run as lost (server/cluster/).
 * At most one lease per system: two instances cannot run one system at once.
 */
export interface RunLease {
  runId: string;
  systemId: string;
  /** The owning instance's id (random per start). */
  owner: string;
  /** The owning instance's API URL, for the other instances to name (or forward to). */
  ownerUrl: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
}

export type RunEnd = { state: 'finished'; document: string; exitCode: number } | { state: 'failed'; problem: string };

/** A municipality's decision on a service agreement (system × integration × municipality). */
export interface AgreementDecision {
  seq: number;
  systemId: string;
  integration: string;
  /** The municipality's CVR. */
  municipalityCvr: string;
  decision: 'approved' | 'rejected';
  reason?: string;
  actor: string;
  at: string;
}

export type NewAgreementDecision = Omit<AgreementDecision, 'seq' | 'at'>;

/** One line of the append-only history: who did what, when. */
export interface HistoryEntry {
  seq: number;
  at: string;
  /** The identity id of the caller (or "server" for what the server does on its own). */
  actor: string;
  /** A dotted verb, e.g. `identity.issue`, `system.register`, `run.open`, `run.record`, `agreement.approve`. */
  action: string;
  /** What it was done to: a system id, run id, identity id … */
  subject: string;
  /** Anything a reader needs besides (JSON-serialisable). */
  detail?: Record<string, unknown>;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'seq' | 'at'>;

export interface ServerStore {
  /** Stores an identity with the sha256 hex of its token (never the token itself); returns it with its id and time. */
  addIdentity(identity: NewIdentity, tokenHash: string): Promise<Identity>;
  /** The identity whose token hashes to `tokenHash`, if any. */
  identityByTokenHash(tokenHash: string): Promise<Identity | undefined>;
  /** Every identity, oldest first. */
  identities(): Promise<Identity[]>;
  /**
   * Adds KOMBIT's first identity (createdBy '') unless one exists, in one statement a unique
   * index guards, so instances starting at once on an empty database make one between them; the
   * others get that one back (`added` false) and their token is not stored.
   */
  addFirstAdmin(name: string, tokenHash: string): Promise<{ identity: Identity; added: boolean }>;

  /** Registers a system for a supplier; a system already registered is returned unchanged (`added` false). */
  registerSystem(system: NewRegisteredSystem): Promise<{ system: RegisteredSystem; added: boolean }>;
  /** The registered system with this catalogue id, if any. */
  system(systemId: string): Promise<RegisteredSystem | undefined>;
  /** The systems registered for a supplier CVR; every system when `supplierCvr` is undefined. */
  systems(supplierCvr?: string): Promise<RegisteredSystem[]>;

  /** Opens a run (state `open`). */
  openRun(run: NewServerRun): Promise<ServerRun>;
  /** Ends an open run, once: finished with its signed document, or failed with why. A run already ended is left as it was (returns undefined). */
  endRun(id: string, end: RunEnd): Promise<ServerRun | undefined>;
  /** The run with this id, if any. */
  run(id: string): Promise<ServerRun | undefined>;
  /** The runs of a supplier CVR (every run when undefined), newest first, without their documents. */
  runs(supplierCvr?: string): Promise<ServerRun[]>;

  /** Takes the lease of an open run; when its system already has one (another run in flight), returns that one instead. */
  claimRunLease(lease: RunLease): Promise<{ claimed: true } | { heldBy: RunLease }>;
  /** Moves every lease `owner` holds on to `expiresAt` (the heartbeat); returns how many it still holds. */
  renewRunLeases(owner: string, expiresAt: string): Promise<number>;
  /** Gives the lease of a run back (it ended). */
  releaseRunLease(runId: string): Promise<void>;
  /** The leases held now, oldest first; only those that ran out before `expiredBefore` (ISO) when given. */
  runLeases(filter?: { expiredBefore?: string }): Promise<RunLease[]>;

  /** Records a municipality's decision on an agreement (append-only: the latest decision counts). */
  decideAgreement(decision: NewAgreementDecision): Promise<AgreementDecision>;
  /** Every decision, oldest first; only those naming this municipality CVR, or of these systems, when given. */
  agreementDecisions(filter?: { municipalityCvr?: string; systemIds?: string[] }): Promise<AgreementDecision[]>;

  /** Appends a run's status events to the onboarding sheet unless that run is already recorded (SheetStore.appendRun). */
  appendRunEvents(runId: string, events: readonly NewStatusEvent[]): Promise<RunAppend>;
  /** Appends one status set by hand (KOMBIT's, with its reason; source `manual`), checked by the caller against the catalogue. */
  appendStatusEvent(event: NewStatusEvent): Promise<StatusEvent>;
  /** The sheet's current status of every system × integration (SheetStore.current). */
  currentStatuses(): Promise<StatusEvent[]>;
  /** The sheet's events, oldest first; of one system when given (SheetStore.history). */
  sheetHistory(systemId?: string): Promise<StatusEvent[]>;
  /** Trusts a platform key in the sheet (SheetStore.trustPlatformKey). */
  trustPlatformKey(key: NewTrustedPlatformKey): Promise<{ key: TrustedPlatformKey; added: boolean }>;
  /** The sheet's trusted platform keys, oldest first. */
  trustedPlatformKeys(): Promise<TrustedPlatformKey[]>;

  /** Sets a system's place in the programme by hand (KOMBIT; category '' hands it back to the cells); append-only. */
  appendProgrammeEvent(event: Omit<ProgrammeEvent, 'seq' | 'id' | 'at'>): Promise<ProgrammeEvent>;
  /** Every programme event, oldest first (the latest of a system wins). */
  programmeEvents(): Promise<ProgrammeEvent[]>;
  /** A supplier's contest of KOMBIT's estimate, or KOMBIT's decision on one; append-only. */
  appendContestEvent(event: Omit<ContestEvent, 'seq' | 'id' | 'at'>): Promise<ContestEvent>;
  /** Every contest and decision, oldest first. */
  contestEvents(): Promise<ContestEvent[]>;

  /**
   * A 32-byte random secret shared by every instance on this database, made by the first that
   * asks for `name` (the others get the same): the web front's session key, so a session made on
   * one instance holds on every other behind a load balancer.
   */
  sharedSecret(name: string): Promise<Buffer>;

  /** Appends one entry to the history. */
  appendHistory(entry: NewHistoryEntry): Promise<HistoryEntry>;
  /** The history, oldest first; only entries about `subject` when given. */
  history(subject?: string): Promise<HistoryEntry[]>;

  /** Closes the connection(s); the store is not used after. */
  close(): Promise<void>;
}
