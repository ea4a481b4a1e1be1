/**
 * iam:CreateLoginProfile: a console password for a user, checked against the account password policy
 * and stored as a scrypt hash. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
 */
import { defineOperation } from '../../operation.ts';
import { entityAlreadyExists } from '../shared/iam-errors.ts';
import { userCheck } from '../identities/identity-checks.ts';
import { requireUser } from '../identities/identity-entities.ts';
import { assertPasswordConforms, hashPassword } from '../identities/identity-password.ts';
import { newLoginProfile } from '../identities/login-profile-members.ts';

/** CreateLoginProfile. */
export const createLoginProfile = defineOperation('iam', 'CreateLoginProfile', {
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:CreateLoginProfile', newLoginProfile(input).userName)],
  handle: async (input, ctx) => {
    const { userName, password } = newLoginProfile(input);
    const accountId = ctx.caller.accountId;
    const passwordHash = await hashPassword(password);
    const createdAt = new Date(ctx.clock.now());
    const passwordResetRequired = input.PasswordResetRequired ?? false;
    const user = await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, accountId, userName);
      if (await tx.loginProfiles.get(accountId, user.id)) throw entityAlreadyExists(`Login Profile for user ${userName} already exists.`);
      assertPasswordConforms(password, await tx.passwordPolicies.get(accountId));
      await tx.loginProfiles.put({ accountId, userId: user.id, passwordHash, passwordResetRequired, createdAt });
      return user;
    });
    return { LoginProfile: { UserName: user.name, CreateDate: createdAt, PasswordResetRequired: passwordResetRequired } };
  },
});
