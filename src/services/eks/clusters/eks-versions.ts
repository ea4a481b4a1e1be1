/**
 * The Kubernetes versions Tollgate's EKS offers, with their current platform versions (docs/aws-behaviour/eks-clusters-and-lifecycle.md;
 * https://docs.aws.amazon.com/eks/latest/userguide/platform-versions.html, 2026-04-03). The default is the
 * second newest: AWS documents the default only as a recent version.
 */

/** One offered Kubernetes minor version. */
export interface KubernetesVersion {
  readonly version: string;
  readonly platformVersion: string;
  readonly patch: string;
  readonly support: 'STANDARD' | 'EXTENDED';
}

/** Newest first. */
export const KUBERNETES_VERSIONS: readonly KubernetesVersion[] = [
  { version: '1.35', platformVersion: 'eks.9', patch: '1.35.2', support: 'STANDARD' },
  { version: '1.34', platformVersion: 'eks.19', patch: '1.34.4', support: 'STANDARD' },
  { version: '1.33', platformVersion: 'eks.33', patch: '1.33.8', support: 'STANDARD' },
  { version: '1.32', platformVersion: 'eks.40', patch: '1.32.12', support: 'STANDARD' },
  { version: '1.31', platformVersion: 'eks.56', patch: '1.31.14', support: 'EXTENDED' },
];

/** The version a cluster gets when CreateCluster names none. */
export const DEFAULT_KUBERNETES_VERSION = '1.34';

/** The offered version `version`, or undefined. */
export function kubernetesVersion(version: string): KubernetesVersion | undefined {
  return KUBERNETES_VERSIONS.find((v) => v.version === version);
}

/** The minor number of `1.NN`. */
export function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? NaN);
}
