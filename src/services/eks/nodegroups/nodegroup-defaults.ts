/**
 * What CreateNodegroup fills in when the request leaves it out (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md; AWS CLI examples of
 * create-nodegroup): the AMI type by Kubernetes version, the disk size by AMI family, the scaling
 * configuration, and the AMI release version.
 */
import { kubernetesVersion, minorOf } from '../clusters/eks-versions.ts';

/** The scaling of a node group created without one: AWS API defaults (minimum 1, maximum and desired 2). */
export const DEFAULT_SCALING = { minSize: 1, maxSize: 2, desiredSize: 2 } as const;

/** One node replaced at a time unless the request says otherwise. */
export const DEFAULT_UPDATE_CONFIG = { maxUnavailable: 1 } as const;

export const DEFAULT_INSTANCE_TYPES: readonly string[] = ['t3.medium'];

/**
 * The date of the EKS optimized AMIs Tollgate reports as newest. Kept beside the version table's date
 * (eks-versions.ts) so that release versions look like AWS's `<patch>-<yyyymmdd>`.
 */
const AMI_RELEASE_DATE = '20260327';

/** Amazon Linux 2 before Kubernetes 1.30, Amazon Linux 2023 from 1.30 (AL2 AMIs stop at 1.32). */
export function defaultAmiType(version: string): string {
  return minorOf(version) >= 30 ? 'AL2023_x86_64_STANDARD' : 'AL2_x86_64';
}

/** 50 GiB for Windows AMIs, 20 GiB for the rest. */
export function defaultDiskSize(amiType: string): number {
  return amiType.startsWith('WINDOWS_') ? 50 : 20;
}

/** The newest AMI release for `version`, e.g. `1.34.4-20260327`; none for CUSTOM AMIs (the launch template's image decides). */
export function latestReleaseVersion(version: string, amiType: string): string | undefined {
  if (amiType === 'CUSTOM') return undefined;
  const patch = kubernetesVersion(version)?.patch ?? `${version}.0`;
  return `${patch}-${AMI_RELEASE_DATE}`;
}
