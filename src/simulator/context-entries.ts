/**
 * The `ContextEntries` of a simulation (ContextKeyName, ContextKeyValues, ContextKeyType) read into the
 * condition keys of the simulated requests. A value that is not of its declared type is refused with
 * InvalidInput, as is a single-valued type given several values.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html
 */
import { AwsError } from '../kernel/aws-error.ts';
import type { ContextInput } from '../policy/index.ts';

/** One ContextEntry as the model gives it. */
export interface ContextEntryInput {
  readonly ContextKeyName?: string;
  readonly ContextKeyValues?: readonly string[];
  readonly ContextKeyType?: string;
}

const TYPES = ['string', 'numeric', 'boolean', 'ip', 'binary', 'date'] as const;
type ScalarType = (typeof TYPES)[number];

/** The condition keys the entries give, later entries replacing earlier ones of the same name. */
export function readContextEntries(entries: readonly ContextEntryInput[] | undefined): Record<string, ContextInput> {
  const out: Record<string, ContextInput> = {};
  for (const entry of entries ?? []) {
    const name = entry.ContextKeyName;
    if (name === undefined || name === '') throw invalid('ContextKeyName is required for each ContextEntry.');
    const values = entry.ContextKeyValues ?? [];
    const declared = entry.ContextKeyType ?? (values.length > 1 ? 'stringList' : 'string');
    const list = declared.endsWith('List');
    const scalar = (list ? declared.slice(0, -4) : declared) as ScalarType;
    if (!TYPES.includes(scalar)) throw invalid(`Invalid ContextKeyType ${declared} for context key ${name}.`);
    if (!list && values.length !== 1) throw invalid(`Context key ${name} of type ${declared} takes exactly one value.`);
    for (const value of values) {
      if (!valueFits(scalar, value)) throw invalid(`Invalid value ${value} for context key ${name} of type ${declared}.`);
    }
    out[name] = list ? [...values] : values[0]!;
  }
  return out;
}

function valueFits(type: ScalarType, value: string): boolean {
  switch (type) {
    case 'string': return true;
    case 'numeric': return value.trim() !== '' && Number.isFinite(Number(value));
    case 'boolean': return /^(true|false)$/i.test(value);
    case 'ip': return /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(value) && (value.includes('.') || value.includes(':'));
    case 'binary': return /^[A-Za-z0-9+/]*={0,2}$/.test(value);
    case 'date': return !Number.isNaN(Date.parse(value)) || /^\d+$/.test(value);
  }
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidInput', 400, message);
}
