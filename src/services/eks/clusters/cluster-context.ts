/** The `eks:` condition keys of CreateCluster and UpdateClusterConfig (docs/aws-behaviour/eks-authorization.md): a key is set only when its field is given. */
import type { ContextInput } from '../../../policy/index.ts';

/** The cluster configuration fields that fill condition keys. */
export interface ClusterConfigInput {
  readonly version?: string;
  readonly resourcesVpcConfig?: { readonly endpointPublicAccess?: boolean; readonly endpointPrivateAccess?: boolean };
  readonly logging?: { readonly clusterLogging?: readonly { readonly types?: readonly string[]; readonly enabled?: boolean }[] };
  readonly accessConfig?: { readonly authenticationMode?: string; readonly bootstrapClusterCreatorAdminPermissions?: boolean };
  readonly bootstrapSelfManagedAddons?: boolean;
  readonly upgradePolicy?: { readonly supportType?: string };
  readonly encryptionConfig?: readonly { readonly provider?: { readonly keyArn?: string } }[];
}

/** The condition keys `input` fills. */
export function clusterConfigContext(input: ClusterConfigInput): Record<string, ContextInput> {
  const context: Record<string, ContextInput> = {};
  if (input.version !== undefined) context['eks:kubernetesVersion'] = input.version;
  const vpc = input.resourcesVpcConfig;
  if (vpc?.endpointPublicAccess !== undefined) context['eks:endpointPublicAccess'] = vpc.endpointPublicAccess;
  if (vpc?.endpointPrivateAccess !== undefined) context['eks:endpointPrivateAccess'] = vpc.endpointPrivateAccess;
  for (const setting of input.logging?.clusterLogging ?? []) {
    for (const type of setting.types ?? []) context[`eks:loggingType/${type}`] = setting.enabled ?? false;
  }
  const access = input.accessConfig;
  if (access?.authenticationMode !== undefined) context['eks:authenticationMode'] = access.authenticationMode;
  if (access?.bootstrapClusterCreatorAdminPermissions !== undefined) context['eks:bootstrapClusterCreatorAdminPermissions'] = access.bootstrapClusterCreatorAdminPermissions;
  if (input.bootstrapSelfManagedAddons !== undefined) context['eks:bootstrapSelfManagedAddons'] = input.bootstrapSelfManagedAddons;
  if (input.upgradePolicy?.supportType !== undefined) context['eks:supportType'] = input.upgradePolicy.supportType;
  const keys = (input.encryptionConfig ?? []).flatMap((c) => (c.provider?.keyArn === undefined ? [] : [c.provider.keyArn]));
  if (keys.length > 0) context['eks:encryptionConfigProviderKeyArns'] = keys;
  return context;
}
