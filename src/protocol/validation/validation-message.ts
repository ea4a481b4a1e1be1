// Renders validation issues as AWS does (docs/aws-behaviour/wire-protocols.md):
// `2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: …; …`.
import { AwsError } from '../../kernel/aws-error.ts';
import type { ServiceModel, ValidationStyle } from '../service-model.ts';
import { isoSeconds } from '../timestamp.ts';
import { isWireList, type WireStructure, type WireValue } from '../../kernel/wire-value.ts';
import { validateInput, type ValidationIssue } from './input-validator.ts';

/** A value as Java's toString shows it inside `Value '…'`: lists `[a, b]`, maps `{k=v}`. */
export function displayValue(value: WireValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoSeconds(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (isWireList(value)) return `[${value.map(displayValue).join(', ')}]`;
  const entries = Object.entries(value).filter((e): e is [string, WireValue] => e[1] !== undefined && e[1] !== null);
  return `{${entries.map(([k, v]) => `${k}=${displayValue(v)}`).join(', ')}}`;
}

/** One issue: IAM omits the value (`Value at 'x'`), STS and EKS quote it; a missing value is `Value null`. */
export function renderIssue(issue: ValidationIssue, style: ValidationStyle): string {
  const shown = issue.value === null ? 'Value null' : style.showValues ? `Value '${displayValue(issue.value)}'` : 'Value';
  return `${shown} at '${issue.path}' failed to satisfy constraint: ${issue.constraint}`;
}

/** The whole message: count, then every issue joined by `; `. */
export function validationMessage(issues: readonly ValidationIssue[], style: ValidationStyle): string {
  const count = `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected`;
  return `${count}: ${issues.map((i) => renderIssue(i, style)).join('; ')}`;
}

/** The service's validation error (ValidationError for IAM/STS, InvalidParameterException for EKS), or undefined when there are no issues. */
export function validationError(model: ServiceModel, issues: readonly ValidationIssue[]): AwsError | undefined {
  if (issues.length === 0) return undefined;
  const style = model.metadata.validation;
  return new AwsError(style.code, style.httpStatus, validationMessage(issues, style));
}

/** Throws the service's validation error when `input` breaks a constraint of operation `operation`. */
export function assertValidInput(model: ServiceModel, operation: string, input: WireStructure): void {
  const error = validationError(model, validateInput(model, operation, input));
  if (error !== undefined) throw error;
}

