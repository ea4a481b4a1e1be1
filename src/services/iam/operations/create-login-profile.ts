/**
 * iam:CreateLoginProfile: a console password for a user, checked against the account password policy
 * and stored as a scrypt hash. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
 */
import { defineOperation } from '../../operation.ts';
import { entityAlreadyExists } from '../shared/iam-errors.ts';
import { userCheck } from '../shared/identity-checks.ts';
import { requireUser } from '../shared/identity-entities.ts';
import { assertPasswordConforms, hashPassword } from '../shared/identity-password.ts';

interface CreateLoginProfileInput {
  readonly UserName: string;
  readonly Password: string;
  readonly PasswordResetRequired?: boolean;
}

interface CreateLoginProfileOutput {
  readonly LoginProfile: { readonly UserName: string; readonly CreateDate: Date; readonly PasswordResetRequired: boolean };
}

/** CreateLoginProfile. */
export const createLoginProfile = defineOperation<CreateLoginProfileInput, CreateLoginProfileOutput>({
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:CreateLoginProfile', input.UserName)],
  handle: async (input, ctx) => {
    const accountId = ctx.caller.accountId;
    const passwordHash = await hashPassword(input.Password);
    const createdAt = new Date(ctx.clock.now());
    const passwordResetRequired = input.PasswordResetRequired ?? false;
    const user = await ctx.store.transaction(async (tx) => {
      const user = await requireUser(tx, accountId, input.UserName);
      if (await tx.loginProfiles.get(accountId, user.id)) throw entityAlreadyExists(`Login Profile for user ${input.UserName} already exists.`);
      assertPasswordConforms(input.Password, await tx.passwordPolicies.get(accountId));
      await tx.loginProfiles.put({ accountId, userId: user.id, passwordHash, passwordResetRequired, createdAt });
      return user;
    });
    return { LoginProfile: { UserName: user.name, CreateDate: createdAt, PasswordResetRequired: passwordResetRequired } };
  },
});
