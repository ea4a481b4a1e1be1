/**
 * The members IAM's model once required of the login profile operations. The current model leaves
 * UserName (and CreateLoginProfile's Password) optional: AWS now defaults the user to the caller, for
 * root-credentials management through AssumeRoot sessions, which Tollgate does not implement. Until it
 * does, a request without them gets the validation error the model gave before (pinned by
 * test/iam/login-profiles.test.ts).
 */
import { AwsError } from '../../../kernel/aws-error.ts';

/** IAM's validation error for members that are absent: `Value null at 'userName' ...` per member. */
function missingMembers(paths: readonly string[]): AwsError {
  const issues = paths.map((path) => `Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  return new AwsError('ValidationError', 400, `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected: ${issues.join('; ')}`);
}

/** The UserName of a Get/DeleteLoginProfile request. */
export function loginProfileUser(input: { readonly UserName?: string }): string {
  if (input.UserName === undefined) throw missingMembers(['userName']);
  return input.UserName;
}

/** The UserName and Password of a CreateLoginProfile request. */
export function newLoginProfile(input: { readonly UserName?: string; readonly Password?: string }): { readonly userName: string; readonly password: string } {
  const { UserName: userName, Password: password } = input;
  if (userName === undefined || password === undefined) throw missingMembers([...(userName === undefined ? ['userName'] : []), ...(password === undefined ? ['password'] : [])]);
  return { userName, password };
}
