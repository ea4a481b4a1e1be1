/** A user's Permissions tab: managed policies attached directly, inline policies, and the boundary. */
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { ListAttachedUserPoliciesCommand, ListUserPoliciesCommand } from '@aws-sdk/client-iam';
import { ErrorAlert } from '../components/error-alert.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useAws } from '../components/use-aws.ts';
import { iam } from './iam-client.ts';

/** The tab. */
export function UserPermissionsTab({ userName, boundary }: { userName: string; boundary: string | undefined }) {
  const attached = useAws(() => iam().send(new ListAttachedUserPoliciesCommand({ UserName: userName })), [userName]);
  const inline = useAws(() => iam().send(new ListUserPoliciesCommand({ UserName: userName })), [userName]);
  return (
    <SpaceBetween size="l">
      {attached.error !== undefined && <ErrorAlert error={attached.error} />}
      {inline.error !== undefined && <ErrorAlert error={inline.error} />}
      <Table loading={attached.loading} items={attached.data?.AttachedPolicies ?? []}
        header={<Header counter={`(${attached.data?.AttachedPolicies?.length ?? 0})`} description="Managed policies attached directly; those of the user's groups are on each group's page.">Attached policies</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (p) => <RouterLink to={`/iam/policies/details?arn=${encodeURIComponent(p.PolicyArn ?? '')}`}>{p.PolicyName}</RouterLink> },
          { id: 'type', header: 'Type', cell: (p) => (p.PolicyArn?.startsWith('arn:aws:iam::aws:') ? 'AWS managed' : 'Customer managed') },
        ]} empty="No policies attached" />
      <Table loading={inline.loading} items={(inline.data?.PolicyNames ?? []).map((n) => ({ n }))} header={<Header>Inline policies</Header>}
        columnDefinitions={[{ id: 'name', header: 'Policy name', cell: (p) => p.n }]} empty="No inline policies" />
      <Box>
        <KeyValuePairs items={[{ label: 'Permissions boundary', value: boundary ?? 'Not set' }]} />
      </Box>
    </SpaceBetween>
  );
}
