/**
 * IAM > Policy simulator: `SimulatePrincipalPolicy` for a user or role, actions and resources, decided
 * by the server's own engine. Where this Tollgate does not implement it yet, the page shows the
 * server's answer as it is.
 */
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { ListUsersCommand, SimulatePrincipalPolicyCommand, type EvaluationResult } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { useAws } from '../components/use-aws.ts';
import { iam } from './iam-client.ts';
import { allRoles } from './roles-page.tsx';

/** The page. */
export function PolicySimulatorPage() {
  const [principal, setPrincipal] = useState<SelectProps.Option | null>(null);
  const [actions, setActions] = useState('');
  const [resources, setResources] = useState('*');
  const [results, setResults] = useState<EvaluationResult[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const principals = useAws(async () => {
    const [users, roles] = await Promise.all([iam().send(new ListUsersCommand({ MaxItems: 1000 })), allRoles()]);
    return [
      { label: 'Users', options: (users.Users ?? []).map((u) => ({ value: u.Arn ?? '', label: u.UserName ?? '' })) },
      { label: 'Roles', options: roles.map((r) => ({ value: r.Arn ?? '', label: r.RoleName ?? '' })) },
    ];
  }, []);
  const simulate = async () => {
    setBusy(true);
    setError(undefined);
    setResults(undefined);
    try {
      const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);
      const answer = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: principal?.value, ActionNames: list(actions), ResourceArns: list(resources) }));
      setResults(answer.EvaluationResults ?? []);
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return (
    <Page title="Policy simulator" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Policy simulator', to: '/iam/policy-simulator' }]}
      description="Test the policies of a user or role against actions and resources, decided exactly as real requests are.">
      {principals.error !== undefined && <ErrorAlert error={principals.error} />}
      {error !== undefined && <ErrorAlert error={error} />}
      <Container header={<Header variant="h2" actions={<Button variant="primary" loading={busy} onClick={() => void simulate()}>Run simulation</Button>}>Simulation</Header>}>
        <SpaceBetween size="l">
          <FormField label="User or role">
            <Select selectedOption={principal} onChange={({ detail }) => setPrincipal(detail.selectedOption)} options={principals.data ?? []} filteringType="auto" filteringAriaLabel="Filter users and roles" placeholder="Choose a user or role"
              statusType={principals.loading ? 'loading' : 'finished'} />
          </FormField>
          <FormField label="Actions" description="Separated by commas or spaces, for example eks:DescribeCluster, iam:PassRole">
            <Input value={actions} onChange={({ detail }) => setActions(detail.value)} />
          </FormField>
          <FormField label="Resource ARNs" description="Separated by commas or spaces; * for all">
            <Input value={resources} onChange={({ detail }) => setResources(detail.value)} />
          </FormField>
        </SpaceBetween>
      </Container>
      {results && (
        <Table items={results} header={<Header>Results</Header>} columnDefinitions={[
          { id: 'action', header: 'Action', cell: (r) => r.EvalActionName },
          { id: 'resource', header: 'Resource', cell: (r) => r.EvalResourceName },
          { id: 'decision', header: 'Permission', cell: (r) => <StatusIndicator type={r.EvalDecision === 'allowed' ? 'success' : 'error'}>{r.EvalDecision === 'allowed' ? 'allowed' : r.EvalDecision === 'explicitDeny' ? 'denied (explicit deny)' : 'denied (implicit deny)'}</StatusIndicator> },
          { id: 'statements', header: 'Matched statements', cell: (r) => (r.MatchedStatements ?? []).map((s) => `${s.SourcePolicyId ?? ''} (${s.SourcePolicyType ?? ''})`).join(', ') || '-' },
        ]} />
      )}
    </Page>
  );
}
