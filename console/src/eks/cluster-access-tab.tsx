/** A cluster's Access tab: the authentication mode, the access entries and their access policies. */
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { DescribeAccessEntryCommand, ListAccessEntriesCommand, ListAssociatedAccessPoliciesCommand } from '@aws-sdk/client-eks';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useAws } from '../components/use-aws.ts';
import { eks } from './eks-client.ts';

/** The tab. */
export function ClusterAccessTab({ cluster, region, authenticationMode }: { cluster: string; region: string; authenticationMode: string | undefined }) {
  const entries = useAws(async () => {
    const arns = (await eks(region).send(new ListAccessEntriesCommand({ clusterName: cluster }))).accessEntries ?? [];
    return Promise.all(arns.map(async (principalArn) => {
      const [entry, policies] = await Promise.all([
        eks(region).send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn })),
        eks(region).send(new ListAssociatedAccessPoliciesCommand({ clusterName: cluster, principalArn })),
      ]);
      return { principalArn, entry: entry.accessEntry, policies: policies.associatedAccessPolicies ?? [] };
    }));
  }, [cluster, region]);
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Access configuration</Header>}>
        <KeyValuePairs items={[{ label: 'Authentication mode', value: authenticationMode ?? '-' }]} />
      </Container>
      {entries.error !== undefined && <ErrorAlert error={entries.error} />}
      {/* Lines wrap: unwrapped, ARNs and usernames make the table wider than the page, and a region that
          scrolls sideways with nothing in it to focus cannot be scrolled from the keyboard (axe: scrollable-region-focusable). */}
      <Table loading={entries.loading} items={entries.data ?? []} header={<Header counter={`(${entries.data?.length ?? 0})`}>IAM access entries</Header>}
        wrapLines
        columnDefinitions={[
          { id: 'principal', header: 'IAM principal ARN', cell: (e) => e.principalArn },
          { id: 'type', header: 'Type', cell: (e) => e.entry?.type ?? '-' },
          { id: 'username', header: 'Username', cell: (e) => e.entry?.username ?? '-' },
          { id: 'groups', header: 'Group names', cell: (e) => (e.entry?.kubernetesGroups ?? []).join(', ') || '-' },
          { id: 'policies', header: 'Access policies', cell: (e) => e.policies.map((p) => `${p.policyArn?.split('/').pop()} (${p.accessScope?.type === 'namespace' ? `namespaces: ${(p.accessScope.namespaces ?? []).join(', ')}` : 'cluster'})`).join('; ') || '-' },
        ]} empty="No access entries" />
    </SpaceBetween>
  );
}
