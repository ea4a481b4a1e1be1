/**
 * A cluster's Resources tab: Kubernetes objects read through the cluster's Kubernetes API, by a
 * SigV4-signed GET of `/_tollgate/k8s/REGION/CLUSTER/<Kubernetes path>` with the console session (the
 * server checks eks:AccessKubernetesApi, then the cluster's access entries and RBAC). A refusal shows
 * EKS's text, `Your current IAM principal doesn't have access to Kubernetes objects on this cluster`,
 * with the server's reason; a Tollgate that does not serve the proxy says so.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { signedFetch } from '../aws/signed-fetch.ts';
import { useAws } from '../components/use-aws.ts';

/** The address of a Kubernetes path of a cluster on this endpoint. */
export function kubernetesPath(region: string, cluster: string, path: string): string {
  return `/_tollgate/k8s/${encodeURIComponent(region)}/${encodeURIComponent(cluster)}${path}`;
}

interface KubeItem {
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly creationTimestamp?: string };
  readonly status?: { readonly phase?: string };
}

type Outcome = { kind: 'ok'; items: KubeItem[] } | { kind: 'denied'; detail: string } | { kind: 'unavailable'; detail: string };

async function list(region: string, cluster: string, path: string): Promise<Outcome> {
  const answer = await signedFetch('GET', kubernetesPath(region, cluster, path), { service: 'eks', region });
  let body: { items?: KubeItem[]; message?: string; Message?: string } | undefined;
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    body = undefined;
  }
  const message = body?.message ?? body?.Message ?? answer.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  if (answer.status === 200 && body?.items) return { kind: 'ok', items: body.items };
  if (answer.status === 401 || answer.status === 403) return { kind: 'denied', detail: message };
  return { kind: 'unavailable', detail: `The Kubernetes API of this cluster is not available through this Tollgate (HTTP ${answer.status}${message ? `: ${message}` : ''}).` };
}

/** The tab. */
export function ClusterResourcesTab({ cluster, region }: { cluster: string; region: string }) {
  const result = useAws(async () => {
    const namespaces = await list(region, cluster, '/api/v1/namespaces');
    if (namespaces.kind !== 'ok') return { namespaces, pods: namespaces };
    return { namespaces, pods: await list(region, cluster, '/api/v1/pods') };
  }, [cluster, region]);
  if (result.loading) return <Spinner />;
  if (result.error !== undefined) return <Alert type="error">{String(result.error)}</Alert>;
  const { namespaces, pods } = result.data!;
  if (namespaces.kind === 'denied') {
    return (
      <Alert type="error" header="Your current IAM principal doesn't have access to Kubernetes objects on this cluster.">
        <span data-testid="kubernetes-denied">This might be due to the current principal not having an IAM access entry with permissions to access the cluster.</span>
        {namespaces.detail && <Box variant="small">{namespaces.detail}</Box>}
      </Alert>
    );
  }
  if (namespaces.kind === 'unavailable') return <Alert type="info" header="Kubernetes resources unavailable"><span data-testid="kubernetes-unavailable">{namespaces.detail}</span></Alert>;
  return (
    <SpaceBetween size="l">
      <Table items={namespaces.items} header={<Header counter={`(${namespaces.items.length})`}>Namespaces</Header>}
        columnDefinitions={[{ id: 'name', header: 'Name', cell: (n) => n.metadata?.name }, { id: 'created', header: 'Created', cell: (n) => n.metadata?.creationTimestamp ?? '-' }]} empty="No namespaces" />
      {pods.kind === 'ok'
        ? <Table items={pods.items} header={<Header counter={`(${pods.items.length})`}>Pods</Header>}
          columnDefinitions={[{ id: 'name', header: 'Name', cell: (p) => p.metadata?.name }, { id: 'ns', header: 'Namespace', cell: (p) => p.metadata?.namespace }, { id: 'phase', header: 'Status', cell: (p) => p.status?.phase ?? '-' }]} empty="No pods" />
        : <Alert type="warning" header="Pods">{pods.detail}</Alert>}
    </SpaceBetween>
  );
}
