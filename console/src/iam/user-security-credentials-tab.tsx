/**
 * A user's Security credentials tab: the console password (enable, reset, remove) and the access keys
 * (create — the secret shown once with `Download .csv file` —, deactivate, activate, delete). IAM allows
 * two keys per user; the console still asks, and shows IAM's answer.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import {
  CreateAccessKeyCommand, CreateLoginProfileCommand, DeleteAccessKeyCommand, DeleteLoginProfileCommand, GetLoginProfileCommand,
  ListAccessKeysCommand, UpdateAccessKeyCommand, UpdateLoginProfileCommand, type AccessKeyMetadata,
} from '@aws-sdk/client-iam';
import { useState } from 'react';
import { shownError } from '../components/aws-error.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useAws } from '../components/use-aws.ts';
import { currentSession } from '../session/session-store.ts';
import { iam, shownDate } from './iam-client.ts';
import { generatedPassword } from './policy-choices.ts';
import { AccessKeyOnce, ConsolePasswordOnce } from './secret-once.tsx';

/** The tab. */
export function UserSecurityCredentialsTab({ userName }: { userName: string }) {
  const [error, setError] = useState<unknown>();
  const [newKey, setNewKey] = useState<{ id: string; secret: string } | undefined>();
  const [newPassword, setNewPassword] = useState<string | undefined>();
  const keys = useAws(() => iam().send(new ListAccessKeysCommand({ UserName: userName })), [userName]);
  const profile = useAws(async () => {
    try {
      return (await iam().send(new GetLoginProfileCommand({ UserName: userName }))).LoginProfile;
    } catch (e) {
      if (shownError(e).code === 'NoSuchEntity') return null;
      throw e;
    }
  }, [userName]);

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    }
  };
  const createKey = () => run(async () => {
    setNewKey(undefined);
    const { AccessKey } = await iam().send(new CreateAccessKeyCommand({ UserName: userName }));
    setNewKey({ id: AccessKey?.AccessKeyId ?? '', secret: AccessKey?.SecretAccessKey ?? '' });
    keys.reload();
  });
  const setStatus = (key: AccessKeyMetadata, status: 'Active' | 'Inactive') => run(async () => {
    await iam().send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: key.AccessKeyId, Status: status }));
    keys.reload();
  });
  const deleteKey = (key: AccessKeyMetadata) => run(async () => {
    await iam().send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key.AccessKeyId }));
    if (newKey?.id === key.AccessKeyId) setNewKey(undefined);
    keys.reload();
  });
  const setPassword = (enable: boolean) => run(async () => {
    const password = generatedPassword();
    if (enable && profile.data) await iam().send(new UpdateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: true }));
    else if (enable) await iam().send(new CreateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: true }));
    else await iam().send(new DeleteLoginProfileCommand({ UserName: userName }));
    setNewPassword(enable ? password : undefined);
    profile.reload();
  });

  const keyItems = keys.data?.AccessKeyMetadata ?? [];
  return (
    <SpaceBetween size="l">
      {error !== undefined && <ErrorAlert error={error} onDismiss={() => setError(undefined)} />}
      {keys.error !== undefined && <ErrorAlert error={keys.error} />}
      {profile.error !== undefined && <ErrorAlert error={profile.error} />}
      <Container header={<Header variant="h2" actions={
        <SpaceBetween direction="horizontal" size="xs">
          {profile.data && <Button onClick={() => void setPassword(false)}>Disable console access</Button>}
          <Button onClick={() => void setPassword(true)}>{profile.data ? 'Reset password' : 'Enable console access'}</Button>
        </SpaceBetween>
      }>Console sign-in</Header>}>
        <KeyValuePairs columns={2} items={[
          { label: 'Console password', value: profile.loading ? '-' : profile.data ? <StatusIndicator type="success">Enabled (created {shownDate(profile.data.CreateDate)})</StatusIndicator> : <StatusIndicator type="stopped">Disabled</StatusIndicator> },
          { label: 'Password reset required', value: profile.data ? (profile.data.PasswordResetRequired ? 'Yes' : 'No') : '-' },
        ]} />
      </Container>
      {newPassword !== undefined && <ConsolePasswordOnce accountId={currentSession()?.identity.accountId ?? ''} userName={userName} password={newPassword} />}
      {newKey && <AccessKeyOnce userName={userName} accessKeyId={newKey.id} secretAccessKey={newKey.secret} />}
      <Table
        loading={keys.loading}
        items={keyItems}
        trackBy="AccessKeyId"
        header={<Header counter={`(${keyItems.length})`} description="Use access keys to send programmatic calls to AWS. You can have a maximum of two access keys (active or inactive) at a time."
          actions={<Button onClick={() => void createKey()}>Create access key</Button>}>Access keys</Header>}
        columnDefinitions={[
          { id: 'id', header: 'Access key ID', cell: (k) => k.AccessKeyId },
          { id: 'status', header: 'Status', cell: (k) => <StatusIndicator type={k.Status === 'Active' ? 'success' : 'stopped'}>{k.Status}</StatusIndicator> },
          { id: 'created', header: 'Created', cell: (k) => shownDate(k.CreateDate) },
          { id: 'actions', header: 'Actions', cell: (k) => (
            <SpaceBetween direction="horizontal" size="xs">
              {k.Status === 'Active'
                ? <Button variant="inline-link" ariaLabel={`Deactivate ${k.AccessKeyId}`} onClick={() => void setStatus(k, 'Inactive')}>Deactivate</Button>
                : <Button variant="inline-link" ariaLabel={`Activate ${k.AccessKeyId}`} onClick={() => void setStatus(k, 'Active')}>Activate</Button>}
              <Button variant="inline-link" ariaLabel={`Delete ${k.AccessKeyId}`} onClick={() => void deleteKey(k)}>Delete</Button>
            </SpaceBetween>
          ) },
        ]}
        empty={<Box>No access keys</Box>}
      />
      {keyItems.length >= 2 && <Alert type="info">This user has two access keys, the most IAM allows. Delete one before creating another.</Alert>}
    </SpaceBetween>
  );
}
