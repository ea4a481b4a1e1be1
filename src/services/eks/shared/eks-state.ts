/**
 * The EKS resources as Tollgate keeps them (JSON documents in the store's `eks` namespace). Times are
 * epoch milliseconds. Status is never stored: it follows from the lifecycle timestamps and the clock
 * (`lifecycle.ts`), so an injected clock drives CREATING → ACTIVE → DELETING → gone.
 */
import type { EksStatefulKind } from '../../../store/eks-records.ts';

/** When a resource was created, becomes ready, ends an update, finishes deleting. */
export interface Lifecycle {
  readonly createdAt: number;
  readonly readyAt: number;
  readonly updatingUntil?: number | undefined;
  readonly deletingUntil?: number | undefined;
}

/** Tags as EKS shapes them. */
export type TagMap = Readonly<Record<string, string>>;

/** A cluster. */
export interface ClusterState extends Lifecycle {
  readonly name: string;
  readonly arn: string;
  readonly id: string;
  /** The 32 upper-case hex digits of the endpoint and OIDC issuer. */
  readonly endpointId: string;
  readonly version: string;
  readonly platformVersion: string;
  readonly roleArn: string;
  readonly resourcesVpcConfig: {
    readonly subnetIds: readonly string[];
    readonly securityGroupIds: readonly string[];
    readonly clusterSecurityGroupId: string;
    readonly vpcId: string;
    readonly endpointPublicAccess: boolean;
    readonly endpointPrivateAccess: boolean;
    readonly publicAccessCidrs: readonly string[];
  };
  readonly kubernetesNetworkConfig: { readonly serviceIpv4Cidr: string; readonly ipFamily: string };
  readonly logging: { readonly clusterLogging: readonly { readonly types: readonly string[]; readonly enabled: boolean }[] };
  readonly accessConfig: { readonly authenticationMode: string; readonly bootstrapClusterCreatorAdminPermissions: boolean };
  readonly upgradePolicy: { readonly supportType: string };
  readonly tags: TagMap;
  /** base64 of the PEM CA certificate. */
  readonly certificateData: string;
  /** The CA's private key, sealed (`ca-certificate.ts`); absent in clusters made before Tollgate kept it. */
  readonly caKey?: string | undefined;
  /** The local port of the cluster's Kubernetes endpoint (`kubernetes-endpoint.ts`); absent in clusters made before it. */
  readonly kubernetesPort?: number | undefined;
  /** The IAM principal that created the cluster (a role session's role), whom CONFIG_MAP clusters map to system:masters. */
  readonly creatorArn?: string | undefined;
  readonly clientRequestToken: string | undefined;
}

/** A managed node group. */
export interface NodegroupState extends Lifecycle {
  readonly nodegroupName: string;
  readonly arn: string;
  readonly clusterName: string;
  readonly modifiedAt: number;
  readonly version: string;
  readonly releaseVersion: string;
  readonly capacityType: string;
  readonly scalingConfig: { readonly minSize: number; readonly maxSize: number; readonly desiredSize: number };
  /** Absent when a launch template names the instance type. */
  readonly instanceTypes?: readonly string[] | undefined;
  readonly subnets: readonly string[];
  readonly amiType: string;
  readonly nodeRole: string;
  readonly labels: TagMap;
  readonly taints: readonly { readonly key: string; readonly value?: string | undefined; readonly effect: string }[];
  /** Absent when a launch template sets the disk. */
  readonly diskSize?: number | undefined;
  readonly updateConfig: { readonly maxUnavailable?: number | undefined; readonly maxUnavailablePercentage?: number | undefined };
  readonly autoScalingGroupName: string;
  readonly remoteAccess?: { readonly ec2SshKey?: string | undefined; readonly sourceSecurityGroups?: readonly string[] | undefined } | undefined;
  /** The security group EKS opens for SSH when remoteAccess names no source security groups. */
  readonly remoteAccessSecurityGroup?: string | undefined;
  readonly launchTemplate?: { readonly name?: string | undefined; readonly version?: string | undefined; readonly id?: string | undefined } | undefined;
  readonly tags: TagMap;
  readonly clientRequestToken: string | undefined;
}

/** A Fargate profile. */
export interface FargateProfileState extends Lifecycle {
  readonly fargateProfileName: string;
  readonly arn: string;
  readonly clusterName: string;
  readonly podExecutionRoleArn: string;
  readonly subnets: readonly string[];
  readonly selectors: readonly { readonly namespace?: string | undefined; readonly labels?: TagMap | undefined }[];
  readonly tags: TagMap;
  readonly clientRequestToken?: string | undefined;
}

/** An add-on. */
export interface AddonState extends Lifecycle {
  readonly addonName: string;
  readonly arn: string;
  readonly clusterName: string;
  readonly modifiedAt: number;
  readonly addonVersion: string;
  readonly serviceAccountRoleArn: string | undefined;
  readonly configurationValues: string | undefined;
  readonly tags: TagMap;
  /** From the catalogue entry it was made from. */
  readonly publisher: string;
  readonly owner: string;
  /** The clientRequestToken it was created with (a retry answers the add-on). */
  readonly clientRequestToken?: string | undefined;
}

/** An access policy associated with an access entry. */
export interface AssociationState {
  readonly policyArn: string;
  readonly accessScope: { readonly type: string; readonly namespaces: readonly string[] };
  readonly associatedAt: number;
  readonly modifiedAt: number;
}

/** An access entry. */
export interface AccessEntryState {
  readonly principalArn: string;
  readonly arn: string;
  readonly clusterName: string;
  readonly kubernetesGroups: readonly string[];
  readonly username: string;
  readonly type: string;
  readonly tags: TagMap;
  readonly createdAt: number;
  readonly modifiedAt: number;
  readonly policies: readonly AssociationState[];
  /** The clientRequestToken it was created with (a retry answers the entry). */
  readonly clientRequestToken?: string | undefined;
}

/** An update of a cluster, node group or add-on. */
export interface UpdateState {
  readonly id: string;
  /** `cluster`, `nodegroup/<name>` or `addon/<name>`. */
  readonly scope: string;
  readonly type: string;
  readonly params: readonly { readonly type: string; readonly value: string }[];
  readonly createdAt: number;
  readonly completesAt: number;
  /** The clientRequestToken it was made with. */
  readonly token: string | undefined;
}

/** The state of each kind of document that holds one (every `state` kind of EKS_KINDS, no other). */
export type EksStateByKind = { readonly [K in EksStatefulKind]: StateOf[K] };

interface StateOf {
  cluster: ClusterState;
  nodegroup: NodegroupState;
  fargateprofile: FargateProfileState;
  addon: AddonState;
  accessentry: AccessEntryState;
  update: UpdateState;
}
