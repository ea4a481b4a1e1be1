/**
 * What an UpdateNodegroupConfig request changes (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): labels and taints added or removed,
 * scaling and update configuration. Unlike cluster updates, these kinds combine into one ConfigUpdate;
 * its params carry what was asked, strings as EKS gives them (objects and lists JSON-encoded).
 */
import { invalidParameter } from '../shared/eks-errors.ts';
import type { NodegroupState, TagMap } from '../shared/eks-state.ts';
import { checkUpdateConfig, checkUpdatedScaling, type UpdateConfigInput } from './nodegroup-validation.ts';

type Taint = NodegroupState['taints'][number];
type TaintInput = { readonly key?: string; readonly value?: string; readonly effect?: string };

/** The request's changes. */
export interface NodegroupConfigInput {
  readonly clusterName: string;
  readonly nodegroupName: string;
  readonly labels?: { readonly addOrUpdateLabels?: TagMap; readonly removeLabels?: readonly string[] };
  readonly taints?: { readonly addOrUpdateTaints?: readonly TaintInput[]; readonly removeTaints?: readonly TaintInput[] };
  readonly scalingConfig?: { readonly minSize?: number; readonly maxSize?: number; readonly desiredSize?: number };
  readonly updateConfig?: UpdateConfigInput;
}

/** The update's params and the node group it leaves. */
export interface NodegroupConfigChange {
  readonly params: { type: string; value: string }[];
  readonly next: NodegroupState;
}

function toTaint(t: TaintInput, fields: Readonly<Record<string, string>>): Taint {
  if (t.key === undefined || t.effect === undefined) throw invalidParameter('Taint key and effect are required', fields);
  return { key: t.key, ...(t.value === undefined ? {} : { value: t.value }), effect: t.effect };
}

/** Kubernetes identifies a taint by key and effect. */
function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** The change `input` asks of `ng`; InvalidParameterException when it asks none or breaks a rule. */
export function nodegroupConfigChange(input: NodegroupConfigInput, ng: NodegroupState): NodegroupConfigChange {
  const fields = { clusterName: input.clusterName, nodegroupName: input.nodegroupName };
  const params: { type: string; value: string }[] = [];
  let next: NodegroupState = ng;

  const addLabels = input.labels?.addOrUpdateLabels;
  const removeLabels = input.labels?.removeLabels;
  if (addLabels !== undefined || removeLabels !== undefined) {
    const removed = new Set(removeLabels ?? []);
    const labels = Object.fromEntries(Object.entries({ ...ng.labels, ...addLabels }).filter(([key]) => !removed.has(key)));
    if (addLabels !== undefined) params.push({ type: 'LabelsToAdd', value: JSON.stringify(addLabels) });
    if (removeLabels !== undefined) params.push({ type: 'LabelsToRemove', value: JSON.stringify(removeLabels) });
    next = { ...next, labels };
  }

  const addTaints = input.taints?.addOrUpdateTaints?.map((t) => toTaint(t, fields));
  const removeTaints = input.taints?.removeTaints?.map((t) => toTaint(t, fields));
  if (addTaints !== undefined || removeTaints !== undefined) {
    let taints = next.taints.filter((t) => !(addTaints ?? []).some((a) => sameTaint(a, t)));
    taints = [...taints, ...(addTaints ?? [])].filter((t) => !(removeTaints ?? []).some((r) => sameTaint(r, t)));
    if (addTaints !== undefined) params.push({ type: 'TaintsToAdd', value: JSON.stringify(addTaints) });
    if (removeTaints !== undefined) params.push({ type: 'TaintsToRemove', value: JSON.stringify(removeTaints) });
    next = { ...next, taints };
  }

  const scaling = input.scalingConfig;
  if (scaling && (scaling.minSize !== undefined || scaling.maxSize !== undefined || scaling.desiredSize !== undefined)) {
    const merged = { ...ng.scalingConfig, ...scaling };
    checkUpdatedScaling(merged, fields);
    if (scaling.minSize !== undefined) params.push({ type: 'MinSize', value: String(scaling.minSize) });
    if (scaling.maxSize !== undefined) params.push({ type: 'MaxSize', value: String(scaling.maxSize) });
    if (scaling.desiredSize !== undefined) params.push({ type: 'DesiredSize', value: String(scaling.desiredSize) });
    next = { ...next, scalingConfig: merged };
  }

  const update = input.updateConfig;
  if (update && (update.maxUnavailable !== undefined || update.maxUnavailablePercentage !== undefined)) {
    checkUpdateConfig(update, next.scalingConfig.maxSize, fields);
    if (update.maxUnavailable !== undefined) params.push({ type: 'MaxUnavailable', value: String(update.maxUnavailable) });
    if (update.maxUnavailablePercentage !== undefined) params.push({ type: 'MaxUnavailablePercentage', value: String(update.maxUnavailablePercentage) });
    // The two are alternatives: the one given replaces the other.
    next = { ...next, updateConfig: { ...update } };
  }

  if (params.length === 0) throw invalidParameter('No changes needed', fields);
  return { params, next };
}
