/** A cluster's Compute tab (managed node groups, Fargate profiles) and Add-ons tab. */
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { DescribeAddonCommand, DescribeNodegroupCommand, ListAddonsCommand, ListFargateProfilesCommand, ListNodegroupsCommand } from '@aws-sdk/client-eks';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useAws } from '../components/use-aws.ts';
import { ClusterStatus } from './clusters-page.tsx';
import { eks } from './eks-client.ts';

/** Node groups and Fargate profiles. */
export function ClusterComputeTab({ cluster, region }: { cluster: string; region: string }) {
  const nodegroups = useAws(async () => {
    const names = (await eks(region).send(new ListNodegroupsCommand({ clusterName: cluster }))).nodegroups ?? [];
    return Promise.all(names.map(async (n) => (await eks(region).send(new DescribeNodegroupCommand({ clusterName: cluster, nodegroupName: n }))).nodegroup ?? { nodegroupName: n }));
  }, [cluster, region]);
  const fargate = useAws(() => eks(region).send(new ListFargateProfilesCommand({ clusterName: cluster })), [cluster, region]);
  return (
    <SpaceBetween size="l">
      {nodegroups.error !== undefined && <ErrorAlert error={nodegroups.error} />}
      <Table loading={nodegroups.loading} items={nodegroups.data ?? []} header={<Header counter={`(${nodegroups.data?.length ?? 0})`}>Node groups</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Group name', cell: (n) => n.nodegroupName },
          { id: 'status', header: 'Status', cell: (n) => <ClusterStatus status={n.status} /> },
          { id: 'size', header: 'Desired size', cell: (n) => n.scalingConfig?.desiredSize ?? '-' },
          { id: 'types', header: 'Instance types', cell: (n) => (n.instanceTypes ?? []).join(', ') || '-' },
          { id: 'role', header: 'Node IAM role ARN', cell: (n) => n.nodeRole ?? '-' },
        ]} empty="This cluster does not have any node groups." />
      {fargate.error !== undefined && <ErrorAlert error={fargate.error} />}
      <Table loading={fargate.loading} items={(fargate.data?.fargateProfileNames ?? []).map((n) => ({ n }))} header={<Header>Fargate profiles</Header>}
        columnDefinitions={[{ id: 'name', header: 'Profile name', cell: (p) => p.n }]} empty="This cluster does not have any Fargate profiles." />
    </SpaceBetween>
  );
}

/** Add-ons. */
export function ClusterAddonsTab({ cluster, region }: { cluster: string; region: string }) {
  const addons = useAws(async () => {
    const names = (await eks(region).send(new ListAddonsCommand({ clusterName: cluster }))).addons ?? [];
    return Promise.all(names.map(async (a) => (await eks(region).send(new DescribeAddonCommand({ clusterName: cluster, addonName: a }))).addon ?? { addonName: a }));
  }, [cluster, region]);
  return (
    <SpaceBetween size="l">
      {addons.error !== undefined && <ErrorAlert error={addons.error} />}
      <Table loading={addons.loading} items={addons.data ?? []} header={<Header counter={`(${addons.data?.length ?? 0})`}>Add-ons</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (a) => a.addonName },
          { id: 'version', header: 'Version', cell: (a) => a.addonVersion ?? '-' },
          { id: 'status', header: 'Status', cell: (a) => <ClusterStatus status={a.status} /> },
          { id: 'role', header: 'IAM role', cell: (a) => a.serviceAccountRoleArn ?? '-' },
        ]} empty="No add-ons" />
    </SpaceBetween>
  );
}
