/**
 * EKS > Clusters > NAME (`?region=`, `?tab=`): Overview, Compute, Access, Add-ons, Tags and Resources.
 * A caller without eks:DescribeCluster sees EKS's exact denial and its Why?.
 */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { useTab } from '../components/tabs-by-query.ts';
import { useAws } from '../components/use-aws.ts';
import { ClusterAccessTab } from './cluster-access-tab.tsx';
import { ClusterAddonsTab, ClusterComputeTab } from './cluster-compute-tabs.tsx';
import { ClusterResourcesTab } from './cluster-resources-tab.tsx';
import { ClusterStatus } from './clusters-page.tsx';
import { eks, useRegion } from './eks-client.ts';

/** The cluster page. */
export function ClusterDetailPage() {
  const name = useParams()['name'] ?? '';
  const [region] = useRegion();
  const [tab, setTab] = useTab('overview');
  const cluster = useAws(() => eks(region).send(new DescribeClusterCommand({ name })), [name, region]);
  const c = cluster.data?.cluster;
  const crumbs = [
    { text: 'Amazon Elastic Kubernetes Service', to: `/eks/clusters?region=${region}` },
    { text: 'Clusters', to: `/eks/clusters?region=${region}` },
    { text: name, to: `/eks/clusters/${encodeURIComponent(name)}?region=${region}` },
  ];
  return (
    <Page title={name} crumbs={crumbs} description={`In ${region}`}>
      {cluster.error !== undefined && <ErrorAlert error={cluster.error} />}
      {c && (
        <>
          <Container header={<Header variant="h2">Cluster info</Header>}>
            <KeyValuePairs columns={4} items={[
              { label: 'Status', value: <ClusterStatus status={c.status} /> },
              { label: 'Kubernetes version', value: c.version ?? '-' },
              { label: 'Platform version', value: c.platformVersion ?? '-' },
              { label: 'Created', value: c.createdAt?.toISOString() ?? '-' },
            ]} />
          </Container>
          <Tabs activeTabId={tab} onChange={({ detail }) => setTab(detail.activeTabId)} ariaLabel="Cluster details" tabs={[
            { id: 'overview', label: 'Overview', content: (
              <Container header={<Header variant="h2">Details</Header>}>
                <KeyValuePairs columns={2} items={[
                  { label: 'API server endpoint', value: c.endpoint ?? '-' },
                  { label: 'Cluster ARN', value: c.arn ?? '-' },
                  { label: 'Cluster IAM role ARN', value: c.roleArn ?? '-' },
                  { label: 'OpenID Connect provider URL', value: c.identity?.oidc?.issuer ?? '-' },
                  { label: 'Certificate authority', value: c.certificateAuthority?.data ? `${c.certificateAuthority.data.slice(0, 40)}…` : '-' },
                  { label: 'Subnets', value: (c.resourcesVpcConfig?.subnetIds ?? []).join(', ') || '-' },
                ]} />
              </Container>
            ) },
            { id: 'compute', label: 'Compute', content: <ClusterComputeTab cluster={name} region={region} /> },
            { id: 'access', label: 'Access', content: <ClusterAccessTab cluster={name} region={region} authenticationMode={c.accessConfig?.authenticationMode} /> },
            { id: 'add-ons', label: 'Add-ons', content: <ClusterAddonsTab cluster={name} region={region} /> },
            { id: 'tags', label: 'Tags', content: (
              <Table items={Object.entries(c.tags ?? {}).map(([key, value]) => ({ key, value }))} header={<Header>Tags</Header>}
                columnDefinitions={[{ id: 'k', header: 'Key', cell: (t) => t.key }, { id: 'v', header: 'Value', cell: (t) => t.value }]} empty={<Box>No tags</Box>} />
            ) },
            { id: 'resources', label: 'Resources', content: <ClusterResourcesTab cluster={name} region={region} /> },
          ]} />
        </>
      )}
    </Page>
  );
}
