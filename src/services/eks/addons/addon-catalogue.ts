/**
 * The Amazon EKS add-ons Tollgate offers (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md), as a small static catalogue.
 * Names, types and version strings follow what DescribeAddonVersions answers in AWS (versions look like
 * `v1.16.4-eksbuild.2`, CLI examples); the exact build numbers and the version ↔ Kubernetes
 * compatibility are chosen to be plausible for the Kubernetes versions of `eks-versions.ts`, not copied
 * from a live catalogue. Every add-on has exactly one default version per Kubernetes version.
 */

/** One version of an add-on. */
export interface CatalogueVersion {
  readonly addonVersion: string;
  readonly architecture: readonly string[];
  /** The Kubernetes versions (`1.NN`) it runs on. */
  readonly clusterVersions: readonly string[];
  /** The Kubernetes versions on which it is the version CreateAddon installs when none is named. */
  readonly defaultFor: readonly string[];
  readonly requiresIamPermissions: boolean;
}

/** One add-on, newest version first. */
export interface CatalogueAddon {
  readonly addonName: string;
  readonly type: string;
  readonly publisher: string;
  readonly owner: string;
  readonly versions: readonly CatalogueVersion[];
}

const BOTH = ['amd64', 'arm64'] as const;
const ALL_K8S = ['1.35', '1.34', '1.33', '1.32', '1.31'] as const;

/** Each version of `kube-proxy` ships for its own Kubernetes minor only. */
function kubeProxy(addonVersion: string, k8s: string): CatalogueVersion {
  return { addonVersion, architecture: BOTH, clusterVersions: [k8s], defaultFor: [k8s], requiresIamPermissions: false };
}

/** The catalogue, by add-on name. */
export const ADDON_CATALOGUE: readonly CatalogueAddon[] = [
  {
    addonName: 'aws-ebs-csi-driver', type: 'storage', publisher: 'eks', owner: 'aws',
    versions: [
      { addonVersion: 'v1.53.0-eksbuild.1', architecture: BOTH, clusterVersions: ALL_K8S, defaultFor: ['1.35', '1.34'], requiresIamPermissions: true },
      { addonVersion: 'v1.50.1-eksbuild.1', architecture: BOTH, clusterVersions: ALL_K8S, defaultFor: ['1.33', '1.32', '1.31'], requiresIamPermissions: true },
      { addonVersion: 'v1.48.0-eksbuild.2', architecture: BOTH, clusterVersions: ['1.33', '1.32', '1.31'], defaultFor: [], requiresIamPermissions: true },
    ],
  },
  {
    addonName: 'coredns', type: 'networking', publisher: 'eks', owner: 'aws',
    versions: [
      { addonVersion: 'v1.13.2-eksbuild.1', architecture: BOTH, clusterVersions: ['1.35', '1.34'], defaultFor: ['1.35'], requiresIamPermissions: false },
      { addonVersion: 'v1.12.4-eksbuild.1', architecture: BOTH, clusterVersions: ['1.34', '1.33'], defaultFor: ['1.34', '1.33'], requiresIamPermissions: false },
      { addonVersion: 'v1.11.4-eksbuild.28', architecture: BOTH, clusterVersions: ['1.33', '1.32', '1.31'], defaultFor: ['1.32', '1.31'], requiresIamPermissions: false },
    ],
  },
  {
    addonName: 'eks-pod-identity-agent', type: 'security', publisher: 'eks', owner: 'aws',
    versions: [
      { addonVersion: 'v1.3.10-eksbuild.1', architecture: BOTH, clusterVersions: ALL_K8S, defaultFor: ALL_K8S, requiresIamPermissions: false },
      { addonVersion: 'v1.3.8-eksbuild.2', architecture: BOTH, clusterVersions: ALL_K8S, defaultFor: [], requiresIamPermissions: false },
    ],
  },
  {
    addonName: 'kube-proxy', type: 'networking', publisher: 'eks', owner: 'aws',
    versions: [
      kubeProxy('v1.35.0-eksbuild.2', '1.35'),
      kubeProxy('v1.34.1-eksbuild.2', '1.34'),
      kubeProxy('v1.33.5-eksbuild.2', '1.33'),
      kubeProxy('v1.32.9-eksbuild.2', '1.32'),
      kubeProxy('v1.31.13-eksbuild.2', '1.31'),
    ],
  },
  {
    addonName: 'vpc-cni', type: 'networking', publisher: 'eks', owner: 'aws',
    versions: [
      { addonVersion: 'v1.21.1-eksbuild.3', architecture: BOTH, clusterVersions: ALL_K8S, defaultFor: ['1.35'], requiresIamPermissions: true },
      { addonVersion: 'v1.20.5-eksbuild.1', architecture: BOTH, clusterVersions: ALL_K8S, defaultFor: ['1.34', '1.33', '1.32', '1.31'], requiresIamPermissions: true },
      { addonVersion: 'v1.19.6-eksbuild.7', architecture: BOTH, clusterVersions: ['1.34', '1.33', '1.32', '1.31'], defaultFor: [], requiresIamPermissions: true },
      { addonVersion: 'v1.19.2-eksbuild.1', architecture: BOTH, clusterVersions: ['1.33', '1.32', '1.31'], defaultFor: [], requiresIamPermissions: true },
    ],
  },
];

/** The add-on `name` of the catalogue, or undefined. */
export function catalogueAddon(name: string): CatalogueAddon | undefined {
  return ADDON_CATALOGUE.find((a) => a.addonName === name);
}
