/**
 * The domain-shaped Store (docs/architecture.md, "The store"): what services may ask of persistence, with no SQL in
 * sight. SQLite implements it today, PostgreSQL later; one conformance suite tests every
 * implementation. Every method is async so that a networked database fits the same interface.
 *
 * INVARIANT: a write acknowledged to a client has been committed. Checks that must hold under
 * concurrency (quotas such as two access keys per user, name uniqueness) run inside `transaction`,
 * which serializes writers across processes.
 *
 * INVARIANT (account generation): a write and the invalidation it causes are one atomic fact. Every
 * write method moves the generation (`accounts.generation`) of the account whose data it changes, in
 * the same transaction as the write: the `transaction` it is called in (once per account and
 * transaction), else the write's own. So whoever sees the change sees the new generation, and no
 * process can die or fail between the two. A rolled-back transaction moves nothing. The only writes
 * that move none are those no authorization decision or credential can depend on, each said so
 * below: `accessKeys.recordUse`, `sessions.insert` and `accounts.create`.
 *
 * INVARIANT (record identity): a record the store has answered is never changed afterwards, by the
 * store or by its callers (records are readonly by type), so a read that reflects a change answers a
 * new object. A view derived from a record (a frozen output, a parsed EKS document) may therefore be
 * kept by the record object, in a WeakMap, and cannot go stale (whatever else it depends on, such as a
 * cluster's status at the current time, is kept beside it and compared). And so that views are made once
 * rather than per request: outside a transaction, the point reads of the request path (`users.get`,
 * `roles.get`, `accessKeys.get`, `eks.get`, each marked "same object" below) answer an unchanged record
 * with the same object for as long as nothing is written to the store (by any process). Other reads,
 * reads inside a transaction, and reads after any write may answer a new object for an unchanged record.
 *
 * Conventions of every implementation (the conformance suite, `store-conformance.ts`, checks them):
 * `insert`/`create` of a taken name (case-insensitively) or id raise `UniqueViolation`
 * (`store-errors.ts`) and write nothing; `get` by name ignores case; lists are ordered by name
 * ignoring case unless said otherwise; `update` and `delete` of a missing record change nothing. It
 * checks the account-generation and record-identity invariants too (`conformance/generation-cases.ts`,
 * `conformance/record-identity-cases.ts`): a second implementation must pass it unchanged.
 */
import type {
  AccessKeyRecord, AccountRecord, AttachmentRecord, GroupRecord, InlinePolicyRecord, LoginProfileRecord, ManagedPolicyRecord,
  PasswordPolicyRecord, PolicyVersionRecord, PrincipalEntityType, RoleRecord, UserRecord,
} from './iam-records.ts';
import type { StsSessionRecord } from './session-records.ts';
import type { RootPasswordRecord } from './root-password-records.ts';
import type { ServiceControlPolicyRecord } from './scp-records.ts';
import type { EksDocument, EksKey, EksKind } from './eks-records.ts';
import type { TrailEventRecord, TrailHit, TrailQuery, TrailRetention } from './trail-records.ts';
import type { KubernetesChanges, KubernetesObjectKey, KubernetesObjectRecord, KubernetesPortRecord } from './kubernetes-records.ts';

/** A `(name, path)` listing filter: entities whose path starts with `pathPrefix`. */
export interface PathFilter {
  readonly pathPrefix?: string | undefined;
}

/** The operations of one unit of work. */
export interface StoreSession {
  readonly accounts: {
    get(id: string): Promise<AccountRecord | undefined>;
    list(): Promise<AccountRecord[]>;
    /** The account starts at generation 0 (moves no generation: nothing was derived from an account that did not exist). */
    create(account: AccountRecord): Promise<void>;
    /**
     * A counter moved by every write to the account's data, in the write's transaction (see the
     * INVARIANT above); 0 for an unknown account. Caches of compiled policy sets and credentials
     * compare it, so changes made by any process are seen on the next request.
     */
    generation(id: string): Promise<number>;
    /**
     * Moves the generation without a write, as a write would: every write method already does, so
     * this is only for state that changes outside the Store. Rejects for an unknown account, as a
     * write to an unknown account does (no write may leave caches unwarned).
     */
    bumpGeneration(id: string): Promise<void>;
    /**
     * Deletes every account and everything in them (`tollgate reset`). Generations go on: accounts
     * created afterwards, and ids no longer present, count from above every generation an erased
     * account had, so no cache made before the erasure matches after it.
     */
    eraseAll(): Promise<void>;
  };
  readonly users: {
    /** Same object while unchanged (INVARIANT "record identity"). */
    get(accountId: string, name: string): Promise<UserRecord | undefined>;
    getById(accountId: string, id: string): Promise<UserRecord | undefined>;
    list(accountId: string, filter?: PathFilter): Promise<UserRecord[]>;
    count(accountId: string): Promise<number>;
    insert(user: UserRecord): Promise<void>;
    update(user: UserRecord): Promise<void>;
    /** Also removes the user's group memberships, inline policies, attachments, access keys and login profile. */
    delete(accountId: string, id: string): Promise<void>;
  };
  readonly groups: {
    get(accountId: string, name: string): Promise<GroupRecord | undefined>;
    getById(accountId: string, id: string): Promise<GroupRecord | undefined>;
    list(accountId: string, filter?: PathFilter): Promise<GroupRecord[]>;
    count(accountId: string): Promise<number>;
    insert(group: GroupRecord): Promise<void>;
    update(group: GroupRecord): Promise<void>;
    /** Also removes the group's memberships, inline policies and attachments (never its users). */
    delete(accountId: string, id: string): Promise<void>;
    /** Adding a member again changes nothing (the original join order stays). */
    addMember(accountId: string, groupId: string, userId: string): Promise<void>;
    removeMember(accountId: string, groupId: string, userId: string): Promise<void>;
    /** The groups of a user, in the order the user joined them. */
    ofUser(accountId: string, userId: string): Promise<GroupRecord[]>;
    members(accountId: string, groupId: string): Promise<UserRecord[]>;
  };
  readonly roles: {
    /** Same object while unchanged (INVARIANT "record identity"). */
    get(accountId: string, name: string): Promise<RoleRecord | undefined>;
    getById(accountId: string, id: string): Promise<RoleRecord | undefined>;
    list(accountId: string, filter?: PathFilter): Promise<RoleRecord[]>;
    count(accountId: string): Promise<number>;
    insert(role: RoleRecord): Promise<void>;
    update(role: RoleRecord): Promise<void>;
    /** Also removes the role's inline policies and attachments. */
    delete(accountId: string, id: string): Promise<void>;
  };
  readonly inlinePolicies: {
    get(accountId: string, ownerType: PrincipalEntityType, ownerId: string, name: string): Promise<InlinePolicyRecord | undefined>;
    list(accountId: string, ownerType: PrincipalEntityType, ownerId: string): Promise<InlinePolicyRecord[]>;
    /** Inserts or replaces (PutUserPolicy and friends overwrite a policy of the same name). */
    put(policy: InlinePolicyRecord): Promise<void>;
    delete(accountId: string, ownerType: PrincipalEntityType, ownerId: string, name: string): Promise<void>;
  };
  readonly managedPolicies: {
    get(arn: string): Promise<ManagedPolicyRecord | undefined>;
    list(accountId: string, filter?: PathFilter): Promise<ManagedPolicyRecord[]>;
    count(accountId: string): Promise<number>;
    insert(policy: ManagedPolicyRecord, firstVersion: PolicyVersionRecord): Promise<void>;
    update(policy: ManagedPolicyRecord): Promise<void>;
    /** Deletes the policy with all its versions. */
    delete(arn: string): Promise<void>;
    getVersion(policyArn: string, versionId: string): Promise<PolicyVersionRecord | undefined>;
    /** Versions, newest first. */
    listVersions(policyArn: string): Promise<PolicyVersionRecord[]>;
    insertVersion(version: PolicyVersionRecord): Promise<void>;
    deleteVersion(policyArn: string, versionId: string): Promise<void>;
  };
  readonly attachments: {
    /** Managed policies attached to an entity, in attachment order. */
    ofEntity(accountId: string, entityType: PrincipalEntityType, entityId: string): Promise<AttachmentRecord[]>;
    /** Entities a policy is attached to within an account (AWS managed policies are attached per account). */
    ofPolicy(accountId: string, policyArn: string): Promise<AttachmentRecord[]>;
    /** Attaching an attached policy again changes nothing (the original order stays). */
    attach(attachment: AttachmentRecord): Promise<void>;
    detach(attachment: AttachmentRecord): Promise<void>;
    /** How many entities of the account reference the policy as attachment or as permissions boundary (users and roles). */
    countForPolicy(accountId: string, policyArn: string): Promise<{ attachments: number; boundaries: number }>;
  };
  readonly accessKeys: {
    /** Same object while unchanged (INVARIANT "record identity"). */
    get(id: string): Promise<AccessKeyRecord | undefined>;
    /** Keys of a user (or of the root user when `userId` is undefined), oldest first. */
    ofUser(accountId: string, userId: string | undefined): Promise<AccessKeyRecord[]>;
    insert(key: AccessKeyRecord): Promise<void>;
    update(key: AccessKeyRecord): Promise<void>;
    /**
     * Sets only the key's last use (GetAccessKeyLastUsed's data), written about once a minute per key
     * in use. Moves no generation: no decision or credential depends on it, and moving it would drop
     * every process's caches for the account once a minute per key.
     */
    recordUse(id: string, lastUsed: NonNullable<AccessKeyRecord['lastUsed']>): Promise<void>;
    delete(id: string): Promise<void>;
  };
  readonly loginProfiles: {
    get(accountId: string, userId: string): Promise<LoginProfileRecord | undefined>;
    put(profile: LoginProfileRecord): Promise<void>;
    delete(accountId: string, userId: string): Promise<void>;
  };
  readonly passwordPolicies: {
    get(accountId: string): Promise<PasswordPolicyRecord | undefined>;
    put(policy: PasswordPolicyRecord): Promise<void>;
    delete(accountId: string): Promise<void>;
  };
  /**
   * Amazon EKS resources as JSON documents (`eks-records.ts`). Every part of a key is exact (EKS names
   * are case-sensitive); lists are ordered by cluster, then name, by code point.
   */
  readonly eks: {
    /** Same object while unchanged (INVARIANT "record identity"). */
    get(key: EksKey): Promise<EksDocument | undefined>;
    /** The documents of one kind in an account and Region, of one cluster when `cluster` is given. */
    list(accountId: string, region: string, kind: EksKind, cluster?: string): Promise<EksDocument[]>;
    /** The documents of one kind in every account and Region (start-up upgrades), ordered by account, Region, cluster, name. */
    listEverywhere(kind: EksKind): Promise<EksDocument[]>;
    /** Inserts or replaces. */
    put(document: EksDocument): Promise<void>;
    delete(key: EksKey): Promise<void>;
    /** Removes every document of a cluster (the cluster, its children, updates and tokens). */
    deleteCluster(accountId: string, region: string, cluster: string): Promise<void>;
  };
  /**
   * The Kubernetes API objects of EKS clusters (`kubernetes-records.ts`), by cluster unique id. Every
   * write moves the cluster's resource version by one and is logged for watches; lists are ordered by
   * namespace then name (binary). A check-then-write (create if absent, update at a resource version)
   * runs inside `transaction`. These writes move no account generation: what the Kubernetes side
   * derives from objects (RBAC, aws-auth) is kept under the cluster's resource version instead, and
   * no IAM decision reads them; ports are claimed inside the transaction that writes the cluster.
   */
  readonly kubernetes: {
    get(key: KubernetesObjectKey): Promise<KubernetesObjectRecord | undefined>;
    /** The objects of one resource, of one namespace when `namespace` is given. */
    list(clusterUid: string, group: string, resource: string, namespace?: string): Promise<KubernetesObjectRecord[]>;
    /** The cluster's current resource version: 0 before its first write. */
    resourceVersion(clusterUid: string): Promise<number>;
    /** Inserts or replaces `data` at the cluster's next resource version (ADDED or MODIFIED in the log); answers the stored record. */
    put(key: KubernetesObjectKey, data: string): Promise<KubernetesObjectRecord>;
    /** Removes the object at the next resource version (DELETED in the log); answers the record as deleted, or undefined when absent. */
    delete(key: KubernetesObjectKey): Promise<KubernetesObjectRecord | undefined>;
    /** The logged changes after `resourceVersion`; the log keeps at least the latest 1,000 changes of a cluster. */
    changes(clusterUid: string, resourceVersion: number): Promise<KubernetesChanges>;
    /** Removes every object, the log and the resource version of a cluster. */
    deleteCluster(clusterUid: string): Promise<void>;
    /** Every claimed port, by port. */
    ports(): Promise<KubernetesPortRecord[]>;
    /** Claims a port; false (and nothing written) when it is taken. */
    claimPort(claim: KubernetesPortRecord): Promise<boolean>;
    releasePort(port: number): Promise<void>;
  };
  /** Temporary credentials issued by STS (`session-records.ts`), by access key id. */
  readonly sessions: {
    get(accessKeyId: string): Promise<StsSessionRecord | undefined>;
    /**
     * Raises `UniqueViolation` (entity `accessKey`) for a taken access key id. Moves no generation:
     * a new access key id is in no cache (caches keep only credentials found), so issuing temporary
     * credentials leaves every cached decision of the account standing.
     */
    insert(session: StsSessionRecord): Promise<void>;
    /** Removes the sessions that expired before `before` (moving their accounts' generations); returns how many. */
    deleteExpired(before: Date): Promise<number>;
    /** Removes one session (console sign-out); a missing one changes nothing. */
    delete(accessKeyId: string): Promise<void>;
  };
  /** The root user's console password per account (`root-password-records.ts`). */
  readonly rootPasswords: {
    get(accountId: string): Promise<RootPasswordRecord | undefined>;
    /** Inserts or replaces. */
    put(record: RootPasswordRecord): Promise<void>;
    delete(accountId: string): Promise<void>;
  };
  /** The service control policies in effect for an account (`scp-records.ts`), by exact name. */
  readonly serviceControlPolicies: {
    get(accountId: string, name: string): Promise<ServiceControlPolicyRecord | undefined>;
    /** An account's SCPs, ordered by name (by code point). */
    list(accountId: string): Promise<ServiceControlPolicyRecord[]>;
    /** Inserts or replaces the SCP of that name. */
    put(policy: ServiceControlPolicyRecord): Promise<void>;
    delete(accountId: string, name: string): Promise<void>;
  };
  /**
   * The audit trail (`trail-records.ts`), written in batches after the requests it records were answered.
   * No decision or credential depends on it: its writes move no generation.
   */
  readonly trail: {
    /** Appends events in order, then keeps the newest `retention.keep` (and at most what `expire` leaves). */
    append(records: readonly TrailEventRecord[], retention?: TrailRetention): Promise<void>;
    /** Removes the events recorded before `before`; returns how many. */
    expire(before: Date): Promise<number>;
    /** A page of an account's events in a Region, newest first. */
    lookup(query: TrailQuery): Promise<TrailHit[]>;
    /** The events of one request (two for a cross-account call: one in each account), in order of recording. */
    byRequestId(requestId: string): Promise<TrailEventRecord[]>;
  };
}

/** What a store reports of itself for metrics. */
export interface StoreStats {
  /** Point reads answered from the read memo, and read from the database. */
  readonly memoHits: number;
  readonly memoMisses: number;
  /** The connection pool, when the store has one. */
  readonly pool?: { readonly total: number; readonly idle: number; readonly waiting: number };
  /** The connection listening for other processes' writes, when the store has one. */
  readonly listener?: 'listening' | 'reconnecting' | 'closed';
}

/** A store: a session for reads, and transactions for writes that must be atomic. */
export interface Store extends StoreSession {
  /**
   * Runs `work` atomically: every write in it commits together or not at all, and the writes of
   * concurrent transactions (also from other processes) are serialized. A thrown error rolls back
   * and is rethrown as is. `work` must use only the session it is given, not the store.
   */
  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T>;
  /** Where the data lives, for the health endpoint (`sqlite:/path`, never a password). */
  readonly description: string;
  /** How the store's memory and connections are used, for `/_tollgate/metrics`. */
  stats?(): StoreStats;
  /** Resolves when the database answers a trivial query, rejects when it cannot be reached (the health endpoint). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
