// The AWS service models Tollgate is generated from: botocore's service-2.json files, kept verbatim
// (gzipped, as botocore ships them) in scripts/aws-models/ with their version and checksums, so that
// `npm run generate:models` reads the same bytes on every machine. `--botocore <dir>` replaces them
// with the files of another botocore package (a pip install's site-packages/botocore, or an unpacked
// wheel) and records its version.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ValidationStyle } from '../../src/protocol/service-model.ts';

/** Where the vendored models live. */
export const AWS_MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'aws-models');
const SOURCE_FILE = join(AWS_MODELS_DIR, 'SOURCE.json');

/** What the generator needs to know about a service that its model does not say. */
export interface ServiceConfig {
  /** botocore's folder, `<service>/<api version>`. */
  readonly botocore: string;
  /** How the service reports a request that breaks its model's constraints. */
  readonly validation: ValidationStyle;
  /** Output members carried percent-encoded (IAM's policy documents). */
  readonly uriEncodedOutputMembers?: readonly string[];
}

/**
 * The services Tollgate carries a model for. Validation styles: IAM's are pinned by
 * src/protocol/validation/input-validator.test.ts; CloudTrail's (a Coral awsJson1_1 service) is the
 * generic ValidationException until an implementation of CloudTrail pins it with a test.
 */
export const SERVICES = {
  iam: {
    botocore: 'iam/2010-05-08',
    validation: { code: 'ValidationError', httpStatus: 400, showValues: false, listEnumValues: false },
    uriEncodedOutputMembers: ['AssumeRolePolicyDocument', 'PolicyDocument', 'Document'],
  },
  sts: { botocore: 'sts/2011-06-15', validation: { code: 'ValidationError', httpStatus: 400, showValues: true, listEnumValues: true } },
  eks: { botocore: 'eks/2017-11-01', validation: { code: 'InvalidParameterException', httpStatus: 400, showValues: true, listEnumValues: true } },
  cloudtrail: { botocore: 'cloudtrail/2013-11-01', validation: { code: 'ValidationException', httpStatus: 400, showValues: true, listEnumValues: true } },
} as const satisfies Readonly<Record<string, ServiceConfig>>;

/** A service Tollgate carries a model for. */
export type ModeledService = keyof typeof SERVICES;

/** Length, value, pattern and enum constraints, as botocore writes them on a shape. */
export interface BotoConstraint {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/** A reference to a shape, with the traits of the member that makes it. */
export interface BotoRef {
  readonly shape: string;
  readonly locationName?: string;
  readonly location?: string;
  readonly idempotencyToken?: boolean;
  readonly timestampFormat?: string;
}

/** A botocore shape. */
export interface BotoShape extends BotoConstraint {
  readonly type: string;
  readonly members?: Readonly<Record<string, BotoRef>>;
  readonly required?: readonly string[];
  readonly member?: BotoRef;
  readonly key?: BotoRef;
  readonly value?: BotoRef;
  readonly flattened?: boolean;
  readonly timestampFormat?: string;
  readonly exception?: boolean;
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean };
}

/** A botocore operation. */
export interface BotoOperation {
  readonly http?: { readonly method?: string; readonly requestUri: string; readonly responseCode?: number };
  readonly input?: BotoRef;
  readonly output?: BotoRef & { readonly resultWrapper?: string };
  readonly errors?: readonly BotoRef[];
}

/** A botocore service model (the parts we read). */
export interface BotoModel {
  readonly metadata: {
    readonly apiVersion: string; readonly protocol: string; readonly xmlNamespace?: string;
    readonly jsonVersion?: string; readonly targetPrefix?: string;
  };
  readonly operations: Readonly<Record<string, BotoOperation>>;
  readonly shapes: Readonly<Record<string, BotoShape>>;
}

/** SOURCE.json: the botocore version the vendored files come from, and each file's SHA-256. */
interface SourceRecord {
  readonly botocore: string;
  readonly files: Readonly<Record<string, string>>;
}

function vendoredName(config: ServiceConfig): string {
  return `${config.botocore.replace('/', '-')}.json.gz`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The botocore version the vendored models come from. */
export function botocoreVersion(): string {
  return (JSON.parse(readFileSync(SOURCE_FILE, 'utf8')) as SourceRecord).botocore;
}

/** The vendored model of `service`, checked against the checksum SOURCE.json records. */
export function readBotocoreModel(service: ModeledService): BotoModel {
  const name = vendoredName(SERVICES[service]);
  const bytes = readFileSync(join(AWS_MODELS_DIR, name));
  const expected = (JSON.parse(readFileSync(SOURCE_FILE, 'utf8')) as SourceRecord).files[name];
  if (expected !== sha256(bytes)) throw new Error(`scripts/aws-models/${name} does not match the checksum in SOURCE.json`);
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as BotoModel;
}

/** Replaces the vendored models with those of the botocore package at `dir`. */
export function vendorBotocore(dir: string): string {
  const version = /__version__ = '([^']+)'/.exec(readFileSync(join(dir, '__init__.py'), 'utf8'))?.[1];
  if (version === undefined) throw new Error(`${dir}: not a botocore package (no __version__ in __init__.py)`);
  const files: Record<string, string> = {};
  for (const config of Object.values(SERVICES)) {
    const from = join(dir, 'data', config.botocore, 'service-2.json.gz');
    if (!existsSync(from)) throw new Error(`${from}: missing`);
    const name = vendoredName(config);
    copyFileSync(from, join(AWS_MODELS_DIR, name));
    files[name] = sha256(readFileSync(from));
  }
  writeFileSync(SOURCE_FILE, `${JSON.stringify({ botocore: version, files }, null, 2)}\n`);
  return version;
}
