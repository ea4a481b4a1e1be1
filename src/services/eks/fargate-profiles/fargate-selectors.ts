/**
 * The selectors of a Fargate profile (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): at least one, at most five, each with a
 * namespace and at most five label pairs. Texts as moto recorded them from AWS, except the selector
 * count, whose text follows the label-pair one.
 */
import { invalidParameter, type EksErrorFields } from '../shared/eks-errors.ts';
import type { TagMap } from '../shared/eks-state.ts';

/** A selector as the request gives it. */
export interface SelectorInput {
  readonly namespace?: string;
  readonly labels?: TagMap;
}

/** The most selectors per profile, and label pairs per selector. */
export const MAX_SELECTORS = 5;
export const MAX_SELECTOR_LABELS = 5;

/** Throws InvalidParameterException when `selectors` break a rule. */
export function checkSelectors(selectors: readonly SelectorInput[] | undefined, fields: EksErrorFields): void {
  if (!selectors || selectors.length === 0) throw invalidParameter('Fargate Profile requires at least one selector.', fields);
  if (selectors.length > MAX_SELECTORS) throw invalidParameter(`Request contains more than ${MAX_SELECTORS} Selectors`, fields);
  if (selectors.some((s) => s.namespace === undefined || s.namespace === '')) {
    throw invalidParameter('Fargate Profile must have at least one selector with at least one namespace value.', fields);
  }
  if (selectors.some((s) => Object.keys(s.labels ?? {}).length > MAX_SELECTOR_LABELS)) {
    throw invalidParameter(`Request contains Selector with more than ${MAX_SELECTOR_LABELS} Label pairs`, fields);
  }
}
