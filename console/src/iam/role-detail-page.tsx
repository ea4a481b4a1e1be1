/** IAM > Roles > NAME: summary, Permissions, Trust relationships and Tags. */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useTab } from '../components/tabs-by-query.ts';
import { useAws } from '../components/use-aws.ts';
import { iam, policyText, shownDate } from './iam-client.ts';

/** The role page. */
export function RoleDetailPage() {
  const name = useParams()['name'] ?? '';
  const [tab, setTab] = useTab('permissions');
  const role = useAws(() => iam().send(new GetRoleCommand({ RoleName: name })), [name]);
  const attached = useAws(() => iam().send(new ListAttachedRolePoliciesCommand({ RoleName: name })), [name]);
  const inline = useAws(() => iam().send(new ListRolePoliciesCommand({ RoleName: name })), [name]);
  const r = role.data?.Role;
  return (
    <Page title={name} crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Roles', to: '/iam/roles' }, { text: name, to: `/iam/roles/${encodeURIComponent(name)}` }]}>
      {role.error !== undefined && <ErrorAlert error={role.error} />}
      <Container header={<Header variant="h2">Summary</Header>}>
        <KeyValuePairs columns={3} items={[
          { label: 'ARN', value: r?.Arn ?? '-' },
          { label: 'Created', value: shownDate(r?.CreateDate) },
          { label: 'Maximum session duration', value: r?.MaxSessionDuration ? `${r.MaxSessionDuration / 3600} hour(s)` : '-' },
          { label: 'Description', value: r?.Description ?? '-' },
          { label: 'Last activity', value: shownDate(r?.RoleLastUsed?.LastUsedDate) },
          { label: 'Permissions boundary', value: r?.PermissionsBoundary?.PermissionsBoundaryArn ?? 'Not set' },
        ]} />
      </Container>
      <Tabs activeTabId={tab} onChange={({ detail }) => setTab(detail.activeTabId)} ariaLabel="Role details" tabs={[
        { id: 'permissions', label: 'Permissions', content: (
          <SpaceBetween size="l">
            {attached.error !== undefined && <ErrorAlert error={attached.error} />}
            <Table loading={attached.loading} items={attached.data?.AttachedPolicies ?? []} header={<Header>Attached policies</Header>}
              columnDefinitions={[{ id: 'name', header: 'Policy name', cell: (p) => <RouterLink to={`/iam/policies/details?arn=${encodeURIComponent(p.PolicyArn ?? '')}`}>{p.PolicyName}</RouterLink> }]} empty="No policies attached" />
            <Table loading={inline.loading} items={(inline.data?.PolicyNames ?? []).map((n) => ({ n }))} header={<Header>Inline policies</Header>}
              columnDefinitions={[{ id: 'name', header: 'Policy name', cell: (p) => p.n }]} empty="No inline policies" />
          </SpaceBetween>
        ) },
        { id: 'trust', label: 'Trust relationships', content: (
          <Container header={<Header variant="h2" description="Entities that can assume this role under specified conditions.">Trusted entities</Header>}>
            <Box variant="code"><pre style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="trust-policy">{policyText(r?.AssumeRolePolicyDocument)}</pre></Box>
          </Container>
        ) },
        { id: 'tags', label: 'Tags', content: (
          <Table items={r?.Tags ?? []} header={<Header>Tags</Header>} columnDefinitions={[{ id: 'k', header: 'Key', cell: (t) => t.Key }, { id: 'v', header: 'Value', cell: (t) => t.Value }]} empty="No tags" />
        ) },
      ]} />
    </Page>
  );
}
