/**
 * Role errors beyond the common IAM ones (docs/aws-behaviour/error-shapes.md), and the rule that service-linked roles are
 * modifiable only by AWS. https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import type { RoleRecord } from '../../../store/iam-records.ts';
import { SERVICE_ROLE_PATH_PREFIX } from '../../shared/service-linked-roles.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';

export { SERVICE_ROLE_PATH_PREFIX } from '../../shared/service-linked-roles.ts';

/** True when `role` is a service-linked role (it lives under `/aws-service-role/<service>/`). */
export function isServiceLinkedRole(role: RoleRecord): boolean {
  return role.path.startsWith(SERVICE_ROLE_PATH_PREFIX);
}

/** `UnmodifiableEntity` 400 for a change to the protected role `name`. */
export function unmodifiableRole(name: string): AwsError {
  return new AwsError('UnmodifiableEntity', 400, `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`);
}

/** Throws UnmodifiableEntity when `role` is service-linked. */
export function assertRoleModifiable(role: RoleRecord): void {
  if (isServiceLinkedRole(role)) throw unmodifiableRole(role.name);
}

/** `NoSuchEntity` for a missing inline policy of a role. */
export function missingRolePolicy(policyName: string): AwsError {
  return noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
}
