/**
 * DescribeAddonVersions' view of the catalogue (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): the filters `kubernetesVersion`,
 * `addonName`, `types`, `publishers`, `owners` (each list matches any of its values), and the `Addon2`
 * wire shape. With `kubernetesVersion`, only the versions that run on it are listed, each with the
 * compatibility of that version alone; an add-on left with no version is left out, as AWS answers
 * `"addons": []` for an add-on not offered on the version.
 */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { ADDON_CATALOGUE, type CatalogueAddon, type CatalogueVersion } from './addon-catalogue.ts';

/** The request's filters. */
export interface AddonVersionFilters {
  readonly kubernetesVersion?: string;
  readonly addonName?: string;
  readonly types?: readonly string[];
  readonly publishers?: readonly string[];
  readonly owners?: readonly string[];
}

/** True when `list` is absent or empty, or holds `value`. */
function admits(list: readonly string[] | undefined, value: string): boolean {
  return list === undefined || list.length === 0 || list.includes(value);
}

function versionToWire(version: CatalogueVersion, kubernetesVersion: string | undefined): WireStructure {
  const clusterVersions = kubernetesVersion === undefined ? version.clusterVersions : [kubernetesVersion];
  return {
    addonVersion: version.addonVersion,
    architecture: [...version.architecture],
    compatibilities: clusterVersions.map((clusterVersion) => ({ clusterVersion, platformVersions: ['*'], defaultVersion: version.defaultFor.includes(clusterVersion) })),
    requiresConfiguration: false,
    requiresIamPermissions: version.requiresIamPermissions,
  };
}

function addonToWire(addon: CatalogueAddon, versions: readonly CatalogueVersion[], kubernetesVersion: string | undefined): WireStructure {
  return {
    addonName: addon.addonName,
    type: addon.type,
    addonVersions: versions.map((v) => versionToWire(v, kubernetesVersion)),
    publisher: addon.publisher,
    owner: addon.owner,
  };
}

/** The matching add-ons in name order, as `{ name, wire }` for pagination by name. */
export function queryAddonVersions(filters: AddonVersionFilters): { name: string; wire: WireStructure }[] {
  const k8s = filters.kubernetesVersion;
  const out: { name: string; wire: WireStructure }[] = [];
  for (const addon of [...ADDON_CATALOGUE].sort((a, b) => a.addonName.localeCompare(b.addonName))) {
    if (filters.addonName !== undefined && addon.addonName !== filters.addonName) continue;
    if (!admits(filters.types, addon.type) || !admits(filters.publishers, addon.publisher) || !admits(filters.owners, addon.owner)) continue;
    const versions = k8s === undefined ? addon.versions : addon.versions.filter((v) => v.clusterVersions.includes(k8s));
    if (versions.length === 0) continue;
    out.push({ name: addon.addonName, wire: addonToWire(addon, versions, k8s) });
  }
  return out;
}
