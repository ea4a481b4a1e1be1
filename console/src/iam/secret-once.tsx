/** A secret shown exactly once (an access key, a console password), with its `Download .csv file`. */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { accessKeyCsv, consoleCredentialsCsv, download, signInUrl } from './credentials-csv.ts';

/** A new access key: the id and the secret, this once. */
export function AccessKeyOnce({ userName, accessKeyId, secretAccessKey }: { userName: string; accessKeyId: string; secretAccessKey: string }) {
  return (
    <Container header={<Header variant="h2" actions={<Button iconName="download" onClick={() => download(`${userName}_accessKeys.csv`, accessKeyCsv(accessKeyId, secretAccessKey))}>Download .csv file</Button>}>Access key</Header>}>
      <SpaceBetween size="m">
        <Alert type="warning">This is the only time that the secret access key can be viewed or downloaded. You cannot recover it later. However, you can create a new access key any time.</Alert>
        <KeyValuePairs columns={2} items={[
          { label: 'Access key', value: <span data-testid="new-access-key-id">{accessKeyId}</span> },
          { label: 'Secret access key', value: <span data-testid="new-secret-access-key">{secretAccessKey}</span> },
        ]} />
      </SpaceBetween>
    </Container>
  );
}

/** A new console password: sign-in URL, user name and password, this once. */
export function ConsolePasswordOnce({ accountId, userName, password }: { accountId: string; userName: string; password: string }) {
  const url = signInUrl(accountId);
  return (
    <Container header={<Header variant="h2" actions={<Button iconName="download" onClick={() => download(`${userName}_credentials.csv`, consoleCredentialsCsv(userName, password, url))}>Download .csv file</Button>}>Console sign-in details</Header>}>
      <KeyValuePairs columns={3} items={[
        { label: 'Console sign-in URL', value: url },
        { label: 'User name', value: userName },
        { label: 'Console password', value: <span data-testid="new-console-password">{password}</span> },
      ]} />
    </Container>
  );
}
