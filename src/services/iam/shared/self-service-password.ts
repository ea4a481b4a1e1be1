/**
 * The account password policy's `AllowUsersToChangePassword`: "Gives IAM users permissions to
 * iam:ChangePassword for only their user and to the iam:GetAccountPasswordPolicy action. This option
 * does not attach a permissions policy to each user, rather the permissions are applied at the
 * account-level for all users by IAM" (UpdateAccountPasswordPolicy, AWS IAM API Reference). Tollgate
 * applies that grant as a resource-based policy of the account naming the calling user, so the engine
 * decides it with everything else: an explicit Deny still wins, and the decision names the grant.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html
 */
import type { OperationContext, ResourcePolicy } from '../../operation.ts';

/** The grant's name in decisions and logs. */
export const SELF_SERVICE_GRANT_NAME = 'account-password-policy/AllowUsersToChangePassword';

/**
 * The account-level grant of `action` on `resource` to the calling IAM user, when the account's
 * password policy allows users to change their password; undefined otherwise (the check then stands
 * on the caller's own policies).
 */
export async function selfServicePasswordGrant(ctx: OperationContext, action: string, resource: string): Promise<readonly ResourcePolicy[] | undefined> {
  const principal = ctx.caller.principal;
  if (principal.type !== 'User') return undefined;
  const policy = await ctx.store.passwordPolicies.get(ctx.caller.accountId);
  if (!policy?.allowUsersToChangePassword) return undefined;
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllowUsersToChangePassword', Effect: 'Allow', Principal: { AWS: principal.arn }, Action: action, Resource: resource }],
  });
  return [{ kind: 'resource', document, name: SELF_SERVICE_GRANT_NAME }];
}
