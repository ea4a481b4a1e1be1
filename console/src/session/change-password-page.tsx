/**
 * The forced password change after a sign-in with PasswordResetRequired: IAM's ChangePassword through
 * the SDK with the session (limited to changing the password), then a sign-in with the new password.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ChangePasswordCommand, GetAccountPasswordPolicyCommand, IAMClient, type PasswordPolicy } from '@aws-sdk/client-iam';
import { useEffect, useState, type FormEvent } from 'react';
import { clientConfig } from '../aws/clients.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { signIn, signOut } from './sign-in-api.ts';
import type { ConsoleSession } from './session-store.ts';

/** What the account's password policy asks for, in words. */
function requirements(policy: PasswordPolicy | undefined): string[] {
  if (!policy) return ['At least 8 characters of at least three of: upper-case letters, lower-case letters, numbers, symbols'];
  const rules = [`At least ${policy.MinimumPasswordLength ?? 6} characters`];
  if (policy.RequireUppercaseCharacters) rules.push('At least one upper-case letter (A–Z)');
  if (policy.RequireLowercaseCharacters) rules.push('At least one lower-case letter (a–z)');
  if (policy.RequireNumbers) rules.push('At least one number (0–9)');
  if (policy.RequireSymbols) rules.push("At least one symbol: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '");
  return rules;
}

/** The page. */
export default function ChangePasswordPage({ session }: { session: ConsoleSession }) {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [policy, setPolicy] = useState<PasswordPolicy | undefined>();
  useEffect(() => {
    document.title = 'Change password | Tollgate console';
    new IAMClient(clientConfig('us-east-1')).send(new GetAccountPasswordPolicyCommand({})).then((r) => setPolicy(r.PasswordPolicy), () => setPolicy(undefined));
  }, []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setError(undefined);
    setMismatch(newPassword !== again);
    if (newPassword !== again) return;
    setBusy(true);
    try {
      await new IAMClient(clientConfig('us-east-1')).send(new ChangePasswordCommand({ OldPassword: oldPassword, NewPassword: newPassword }));
      await signOut();
      await signIn({ account: session.identity.accountId, rootUser: false, userName: session.identity.userName ?? '', password: newPassword });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 480, margin: '48px auto', padding: '0 16px' }}>
      <form onSubmit={(e) => void submit(e)} aria-label="Change password">
        <Form
          header={<Header variant="h1" description={`You must change your password to continue. AWS account ${session.identity.accountId}, IAM user ${session.identity.userName ?? ''}`}>Change password</Header>}
          actions={<SpaceBetween direction="horizontal" size="xs"><Button formAction="none" onClick={() => void signOut()}>Cancel</Button><Button variant="primary" formAction="submit" loading={busy}>Confirm password change</Button></SpaceBetween>}
        >
          <Container>
            <SpaceBetween size="l">
              {error !== undefined && <ErrorAlert error={error} />}
              <FormField label="Old password">
                <Input type="password" value={oldPassword} onChange={({ detail }) => setOld(detail.value)} autoComplete="current-password" />
              </FormField>
              <FormField label="New password" constraintText={<Box variant="small"><ul style={{ margin: 0, paddingLeft: 16 }}>{requirements(policy).map((r) => <li key={r}>{r}</li>)}</ul></Box>}>
                <Input type="password" value={newPassword} onChange={({ detail }) => setNew(detail.value)} autoComplete="new-password" />
              </FormField>
              <FormField label="Retype new password" errorText={mismatch ? 'The passwords do not match.' : undefined}>
                <Input type="password" value={again} onChange={({ detail }) => setAgain(detail.value)} autoComplete="new-password" />
              </FormField>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </main>
  );
}
