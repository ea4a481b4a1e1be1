/**
 * One audit line per Kubernetes request (in the process's JSON log, beside the AWS request lines):
 * the cluster, the IAM principal behind the token, the Kubernetes user it was mapped to and by what
 * (access entry, aws-auth, cluster creator), the verb, resource, namespace and name, the decision and
 * its reason (the access policy or RBAC binding that allowed it; for a 401, why authentication
 * failed), the status and the latency. Tokens never appear in it.
 */

/** What is logged about a Kubernetes request. */
export interface AuditEntry {
  readonly auditId: string;
  readonly cluster: string;
  readonly iamPrincipal: string | undefined;
  readonly username: string | undefined;
  readonly impersonatedUser?: string | undefined;
  readonly mappedBy: string | undefined;
  readonly verb: string;
  /** `group/resource[/subresource]` (`/pods` for the core group). */
  readonly resource: string | undefined;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly path: string;
  readonly decision: 'allow' | 'deny' | undefined;
  readonly reason: string | undefined;
  readonly status: number;
  readonly latencyMs: number;
}

/** The log fields of an entry, absent ones left out. */
export function auditLine(entry: AuditEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { kubernetes: true };
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) out[key] = value;
  return out;
}
