/**
 * CreateNodegroup / UpdateNodegroupConfig checks beyond the model's constraints (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md). The
 * model already bounds each number (minSize ≥ 0, maxSize ≥ 1, maxUnavailable ≥ 1, percentage 1–100);
 * these are the relations between them, with AWS's InvalidParameterException texts.
 */
import { invalidParameter, type EksErrorFields } from '../shared/eks-errors.ts';

/** A complete scaling configuration. */
export interface Scaling {
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
}

/** The request's update configuration. */
export interface UpdateConfigInput {
  readonly maxUnavailable?: number;
  readonly maxUnavailablePercentage?: number;
}

/** Create-time texts: `desiredSize can't be greater than maxSize`, `minSize can't be greater than desiredSize`. */
export function checkCreateScaling(scaling: Scaling, fields: EksErrorFields): void {
  if (scaling.desiredSize > scaling.maxSize) throw invalidParameter("desiredSize can't be greater than maxSize", fields);
  if (scaling.minSize > scaling.desiredSize) throw invalidParameter("minSize can't be greater than desiredSize", fields);
}

/** Update-time texts, e.g. `Minimum capacity 2 can't be greater than desired size 1` (observed); the max-size one follows its pattern. */
export function checkUpdatedScaling(scaling: Scaling, fields: EksErrorFields): void {
  if (scaling.minSize > scaling.desiredSize) throw invalidParameter(`Minimum capacity ${scaling.minSize} can't be greater than desired size ${scaling.desiredSize}`, fields);
  if (scaling.desiredSize > scaling.maxSize) throw invalidParameter(`Desired capacity ${scaling.desiredSize} can't be greater than max size ${scaling.maxSize}`, fields);
}

/** maxUnavailable must fit the node group; the two ways of saying it exclude each other. */
export function checkUpdateConfig(config: UpdateConfigInput | undefined, maxSize: number, fields: EksErrorFields): void {
  if (!config) return;
  if (config.maxUnavailable !== undefined && config.maxUnavailablePercentage !== undefined) {
    throw invalidParameter('Only one of maxUnavailable and maxUnavailablePercentage may be specified', fields);
  }
  if (config.maxUnavailable !== undefined && (config.maxUnavailable > maxSize || config.maxUnavailable > 100)) {
    throw invalidParameter('max-unavailable must be within the range 1 and max size of the node group', fields);
  }
}

/** A launch template carries the disk and the SSH access itself (texts as moto recorded them from AWS). */
export function checkLaunchTemplate(input: { readonly launchTemplate?: { readonly name?: string; readonly id?: string }; readonly diskSize?: number; readonly remoteAccess?: object }, fields: EksErrorFields): void {
  const template = input.launchTemplate;
  if (!template) return;
  if (input.diskSize !== undefined) throw invalidParameter('Disk size must be specified within the launch template.', fields);
  if (input.remoteAccess !== undefined) throw invalidParameter('Remote access configuration cannot be specified with a launch template.', fields);
  if (template.name === undefined && template.id === undefined) throw invalidParameter('Either launch template ID or launch template name must be specified.', fields);
}
