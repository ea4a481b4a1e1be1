/** EKS ARNs (docs/aws-behaviour/eks-authorization.md), in the Region of the request. */
import type { EksChildKind } from '../../../store/eks-records.ts';

/** `arn:aws:eks:<region>:<account>:cluster/<name>`. */
export function clusterArn(region: string, accountId: string, name: string): string {
  return `arn:aws:eks:${region}:${accountId}:cluster/${name}`;
}

/** `arn:aws:eks:<region>:<account>:<type>/<cluster>/<name>/<uuid>` for nodegroup, addon and fargateprofile. */
export function childArn(type: EksChildKind, region: string, accountId: string, cluster: string, name: string, uuid: string): string {
  return `arn:aws:eks:${region}:${accountId}:${type}/${cluster}/${name}/${uuid}`;
}

/** `arn:aws:eks:<region>:<account>:access-entry/<cluster>/<role|user>/<principal account>/<principal name>/<uuid>`. */
export function accessEntryArn(region: string, accountId: string, cluster: string, principalArn: string, uuid: string): string {
  const m = /^arn:aws:iam::(\d{12}):(role|user)\/(?:[^/]+\/)*([^/]+)$/.exec(principalArn);
  const [type, account, name] = m ? [m[2]!, m[1]!, m[3]!] : ['role', accountId, principalArn];
  return `arn:aws:eks:${region}:${accountId}:access-entry/${cluster}/${type}/${account}/${name}/${uuid}`;
}

/** `arn:aws:eks::aws:cluster-access-policy/<name>`. */
export function accessPolicyArn(name: string): string {
  return `arn:aws:eks::aws:cluster-access-policy/${name}`;
}

/** An EKS resource ARN taken apart: its type, Region, account and the segments after the type. */
export interface ParsedEksArn {
  readonly type: string;
  readonly region: string;
  readonly accountId: string;
  readonly parts: readonly string[];
}

/** Parses an EKS resource ARN; undefined when it is not one. */
export function parseEksArn(arn: string): ParsedEksArn | undefined {
  const m = /^arn:aws:eks:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  return { region: m[1]!, accountId: m[2]!, type: m[3]!, parts: m[4]!.split('/') };
}
