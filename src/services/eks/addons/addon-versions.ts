/**
 * Which catalogue version an add-on request means on a cluster (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): the named version when
 * it runs on the cluster's Kubernetes version, else the `defaultVersion` for that Kubernetes version.
 */
import { addonUnsupported, addonVersionUnsupported } from './addon-errors.ts';
import { catalogueAddon, type CatalogueAddon } from './addon-catalogue.ts';

/** The add-on of the catalogue offered on `kubernetesVersion`; InvalidParameterException when there is none. */
export function offeredAddon(cluster: string, addonName: string, kubernetesVersion: string): CatalogueAddon {
  const addon = catalogueAddon(addonName);
  if (!addon || !addon.versions.some((v) => v.clusterVersions.includes(kubernetesVersion))) throw addonUnsupported(cluster, addonName, kubernetesVersion);
  return addon;
}

/** The version to install: `requested` when compatible (else InvalidParameterException), or the default. */
export function resolveAddonVersion(cluster: string, addon: CatalogueAddon, kubernetesVersion: string, requested: string | undefined): string {
  if (requested === undefined) {
    const fallback = addon.versions.find((v) => v.defaultFor.includes(kubernetesVersion)) ?? addon.versions.find((v) => v.clusterVersions.includes(kubernetesVersion));
    return fallback!.addonVersion;
  }
  const match = addon.versions.find((v) => v.addonVersion === requested);
  if (!match || !match.clusterVersions.includes(kubernetesVersion)) throw addonVersionUnsupported(cluster, addon.addonName);
  return match.addonVersion;
}
