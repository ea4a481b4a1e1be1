/** IAM > Account settings: the account's password policy (IAM's default applies when none is set). */
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { DeleteAccountPasswordPolicyCommand, GetAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand, type PasswordPolicy } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { shownError } from '../components/aws-error.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { useAws } from '../components/use-aws.ts';
import { iam } from './iam-client.ts';

/** The page. */
export function AccountSettingsPage() {
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<PasswordPolicy | undefined>();
  const policy = useAws(async () => {
    try {
      return (await iam().send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? null;
    } catch (e) {
      if (shownError(e).code === 'NoSuchEntity') return null;
      throw e;
    }
  }, []);
  const p = policy.data;
  const save = async () => {
    if (!editing) return;
    setError(undefined);
    try {
      await iam().send(new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: editing.MinimumPasswordLength, RequireSymbols: editing.RequireSymbols, RequireNumbers: editing.RequireNumbers,
        RequireUppercaseCharacters: editing.RequireUppercaseCharacters, RequireLowercaseCharacters: editing.RequireLowercaseCharacters,
        AllowUsersToChangePassword: editing.AllowUsersToChangePassword, ...(editing.MaxPasswordAge ? { MaxPasswordAge: editing.MaxPasswordAge } : {}),
        ...(editing.PasswordReusePrevention ? { PasswordReusePrevention: editing.PasswordReusePrevention } : {}), HardExpiry: editing.HardExpiry,
      }));
      setEditing(undefined);
      policy.reload();
    } catch (e) {
      setError(e);
    }
  };
  const reset = async () => {
    setError(undefined);
    try {
      await iam().send(new DeleteAccountPasswordPolicyCommand({}));
      policy.reload();
    } catch (e) {
      setError(e);
    }
  };
  const flag = (key: 'RequireUppercaseCharacters' | 'RequireLowercaseCharacters' | 'RequireNumbers' | 'RequireSymbols' | 'AllowUsersToChangePassword' | 'HardExpiry', label: string) => (
    <Checkbox checked={editing?.[key] ?? false} onChange={({ detail }) => setEditing({ ...editing, [key]: detail.checked })}>{label}</Checkbox>
  );
  return (
    <Page title="Account settings" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Account settings', to: '/iam/account-settings' }]}>
      {policy.error !== undefined && <ErrorAlert error={policy.error} />}
      {error !== undefined && <ErrorAlert error={error} onDismiss={() => setError(undefined)} />}
      <Container header={<Header variant="h2" description={p ? 'This AWS account uses the following custom password policy.' : 'This AWS account uses the IAM default password policy: at least 8 characters of at least three of upper-case letters, lower-case letters, numbers and symbols.'}
        actions={<SpaceBetween direction="horizontal" size="xs">{p && <Button onClick={() => void reset()}>Reset to IAM default</Button>}<Button onClick={() => setEditing(p ?? { MinimumPasswordLength: 8 })}>Edit</Button></SpaceBetween>}>Password policy</Header>}>
        {p ? (
          <KeyValuePairs columns={3} items={[
            { label: 'Minimum password length', value: String(p.MinimumPasswordLength ?? '-') },
            { label: 'Require uppercase', value: p.RequireUppercaseCharacters ? 'Yes' : 'No' },
            { label: 'Require lowercase', value: p.RequireLowercaseCharacters ? 'Yes' : 'No' },
            { label: 'Require numbers', value: p.RequireNumbers ? 'Yes' : 'No' },
            { label: 'Require symbols', value: p.RequireSymbols ? 'Yes' : 'No' },
            { label: 'Allow users to change their own password', value: p.AllowUsersToChangePassword ? 'Yes' : 'No' },
            { label: 'Password expiration', value: p.ExpirePasswords ? `${p.MaxPasswordAge} days` : 'Never' },
            { label: 'Prevent password reuse', value: p.PasswordReusePrevention ? `${p.PasswordReusePrevention} passwords` : 'No' },
          ]} />
        ) : 'IAM default'}
      </Container>
      {editing && (
        <Container header={<Header variant="h2" actions={<SpaceBetween direction="horizontal" size="xs"><Button onClick={() => setEditing(undefined)}>Cancel</Button><Button variant="primary" onClick={() => void save()}>Save changes</Button></SpaceBetween>}>Edit password policy</Header>}>
          <SpaceBetween size="m">
            <FormField label="Password minimum length"><Input type="number" value={String(editing.MinimumPasswordLength ?? '')} onChange={({ detail }) => setEditing({ ...editing, MinimumPasswordLength: Number(detail.value) })} /></FormField>
            {flag('RequireUppercaseCharacters', 'Require at least one uppercase letter from the Latin alphabet (A-Z)')}
            {flag('RequireLowercaseCharacters', 'Require at least one lowercase letter from the Latin alphabet (a-z)')}
            {flag('RequireNumbers', 'Require at least one number')}
            {flag('RequireSymbols', 'Require at least one non-alphanumeric character')}
            {flag('AllowUsersToChangePassword', 'Allow users to change their own password')}
            <FormField label="Password expiration (days) - optional"><Input type="number" value={editing.MaxPasswordAge ? String(editing.MaxPasswordAge) : ''} onChange={({ detail }) => setEditing({ ...editing, MaxPasswordAge: detail.value ? Number(detail.value) : undefined })} /></FormField>
            <FormField label="Prevent password reuse (passwords remembered) - optional"><Input type="number" value={editing.PasswordReusePrevention ? String(editing.PasswordReusePrevention) : ''} onChange={({ detail }) => setEditing({ ...editing, PasswordReusePrevention: detail.value ? Number(detail.value) : undefined })} /></FormField>
            {flag('HardExpiry', 'Require administrator reset after password expiration')}
          </SpaceBetween>
        </Container>
      )}
    </Page>
  );
}
