/**
 * Who a simulation simulates as (`CallerArn`) and whose policies it reads (`PolicySourceArn`): the ARN of
 * an IAM user, group or role; AWS refuses assumed-role sessions, federated users and service principals.
 * A role is simulated as a session of the role (its name as the session name); a group as a member of
 * the group.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import type { RequestPrincipal } from '../../../policy/index.ts';
import { invalidInput } from '../shared/iam-errors.ts';

/** An IAM user, group or role named by ARN. */
export interface EntityArn {
  readonly type: 'user' | 'group' | 'role';
  readonly accountId: string;
  readonly name: string;
  readonly arn: string;
}

const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:[^/]+\/)*([\w+=,.@-]{1,128})$/;

/** The entity `arn` names, or InvalidInput in IAM's words for an ARN it does not take. */
export function entityArn(arn: string): EntityArn {
  const m = ENTITY_ARN.exec(arn);
  if (!m) throw invalidInput(`ARN ${arn} is not valid.`);
  return { type: m[2] as EntityArn['type'], accountId: m[1]!, name: m[3]!, arn };
}

/** The caller the simulated requests come from. */
export function simulatedCaller(entity: EntityArn): RequestPrincipal {
  switch (entity.type) {
    case 'user':
    case 'group':
      return { type: 'User', accountId: entity.accountId, arn: entity.arn, name: entity.name };
    case 'role':
      return {
        type: 'AssumedRole', accountId: entity.accountId, arn: `arn:aws:sts::${entity.accountId}:assumed-role/${entity.name}/${entity.name}`,
        roleArn: entity.arn, roleName: entity.name, sessionName: entity.name,
      };
  }
}

/** The account `ResourceOwner` names: an account id, or an account's root ARN. */
export function resourceOwnerAccount(owner: string | undefined): string | undefined {
  if (owner === undefined) return undefined;
  const m = /^(?:arn:aws:iam::)?(\d{12})(?::root)?$/.exec(owner);
  if (!m || (owner.startsWith('arn:') !== owner.endsWith(':root'))) throw invalidInput(`Invalid ResourceOwner: ${owner} is neither an account ID nor an account's root ARN.`);
  return m[1];
}
