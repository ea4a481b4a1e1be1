/** EKS > Clusters (`?region=`): the Region's clusters with their status and version. */
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { DescribeClusterCommand, ListClustersCommand, type Cluster } from '@aws-sdk/client-eks';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useAws } from '../components/use-aws.ts';
import { eks, useRegion } from './eks-client.ts';
import { RegionSelect } from './region-select.tsx';

/** A cluster status as an indicator. */
export function ClusterStatus({ status }: { status: string | undefined }) {
  const type = status === 'ACTIVE' ? 'success' : status === 'FAILED' ? 'error' : status === 'DELETING' ? 'stopped' : 'in-progress';
  return <StatusIndicator type={type}>{status === 'ACTIVE' ? 'Active' : status ? status.charAt(0) + status.slice(1).toLowerCase() : '-'}</StatusIndicator>;
}

/** The clusters list. */
export function ClustersPage() {
  const navigate = useNavigate();
  const [region] = useRegion();
  const clusters = useAws(async () => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await eks(region).send(new ListClustersCommand({ nextToken: token }));
      names.push(...(page.clusters ?? []));
      token = page.nextToken;
    } while (token);
    // A cluster the caller may list but not describe still appears, by name.
    return Promise.all(names.map(async (name): Promise<Cluster> => {
      try {
        return (await eks(region).send(new DescribeClusterCommand({ name }))).cluster ?? { name };
      } catch {
        return { name };
      }
    }));
  }, [region]);
  return (
    <Page title="Clusters" crumbs={[{ text: 'Amazon Elastic Kubernetes Service', to: `/eks/clusters?region=${region}` }, { text: 'Clusters', to: `/eks/clusters?region=${region}` }]}>
      <RegionSelect />
      {clusters.error !== undefined && <ErrorAlert error={clusters.error} />}
      <Table variant="full-page" loading={clusters.loading} items={clusters.data ?? []} trackBy="name"
        header={<Header counter={`(${clusters.data?.length ?? 0})`} actions={<SpaceBetween direction="horizontal" size="xs"><Button iconName="refresh" ariaLabel="Refresh" onClick={clusters.reload} /><Button variant="primary" onClick={() => navigate(`/eks/clusters/create?region=${region}`)}>Create cluster</Button></SpaceBetween>}>Clusters ({region})</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Cluster name', cell: (c) => <RouterLink to={`/eks/clusters/${encodeURIComponent(c.name ?? '')}?region=${region}`}>{c.name}</RouterLink> },
          { id: 'status', header: 'Status', cell: (c) => <ClusterStatus status={c.status} /> },
          { id: 'version', header: 'Kubernetes version', cell: (c) => c.version ?? '-' },
          { id: 'created', header: 'Created', cell: (c) => c.createdAt?.toISOString() ?? '-' },
        ]} empty="No clusters in this Region" />
    </Page>
  );
}
