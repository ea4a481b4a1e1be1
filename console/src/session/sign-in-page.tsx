/**
 * The sign-in page, as AWS's IAM user sign-in page: `Account ID or account alias`, `IAM username`,
 * `Password`, `Sign in`; or the root user with the account id and the root password. `?account=ID`
 * fills the account (AWS's per-account sign-in URL does the same).
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState, type FormEvent } from 'react';
import { signIn } from './sign-in-api.ts';

/** The sign-in form. */
export function SignInPage() {
  const [kind, setKind] = useState<'iam' | 'root'>('iam');
  const [account, setAccount] = useState(() => new URLSearchParams(window.location.search).get('account') ?? '');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => { document.title = 'Sign in | Tollgate console'; }, []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await signIn(kind === 'root' ? { account, rootUser: true, password } : { account, rootUser: false, userName, password });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 440, margin: '48px auto', padding: '0 16px' }}>
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <Form
          header={<Header variant="h1" description="Tollgate: AWS IAM, STS and EKS on one endpoint">{kind === 'root' ? 'Sign in as root user' : 'Sign in as IAM user'}</Header>}
          actions={<Button variant="primary" formAction="submit" loading={busy}>Sign in</Button>}
        >
          <Container>
            <SpaceBetween size="l">
              {error && <Alert type="error" header="Sign-in failed"><span data-testid="sign-in-error">{error}</span></Alert>}
              <FormField label="Sign in as">
                <RadioGroup
                  ariaLabel="Sign in as"
                  value={kind}
                  onChange={({ detail }) => setKind(detail.value === 'root' ? 'root' : 'iam')}
                  items={[{ value: 'iam', label: 'IAM user' }, { value: 'root', label: 'Root user', description: 'The account ID and the root password (tollgate accounts set-root-password)' }]}
                />
              </FormField>
              <FormField label="Account ID or account alias">
                <Input value={account} onChange={({ detail }) => setAccount(detail.value)} autoComplete="username" inputMode="numeric" autoFocus={account === ''} />
              </FormField>
              {kind === 'iam' && (
                <FormField label="IAM username">
                  <Input value={userName} onChange={({ detail }) => setUserName(detail.value)} autoComplete="username" autoFocus={account !== ''} />
                </FormField>
              )}
              <FormField label="Password">
                <Input type="password" value={password} onChange={({ detail }) => setPassword(detail.value)} autoComplete="current-password" />
              </FormField>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
      <Box margin={{ top: 'm' }} color="text-body-secondary" fontSize="body-s">
        Signing in gives this browser tab short-lived credentials for your IAM identity. Every page calls the AWS APIs with them, exactly as the AWS CLI would.
      </Box>
    </main>
  );
}
