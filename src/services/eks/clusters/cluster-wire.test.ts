import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eksModel } from '../../../protocol/models/index.ts';
import { encodeRestJsonOutput } from '../../../protocol/rest-json/rest-json-encoder.ts';
import { clusterToWire, describedCluster } from './cluster-wire.ts';
import type { ClusterState } from '../shared/eks-state.ts';

const CREATED = Date.UTC(2026, 11, 4, 7, 0, 0);
const cluster: ClusterState = {
  name: 'demo', arn: 'arn:aws:eks:us-west-2:111122223333:cluster/demo', id: '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  endpointId: '0123456789ABCDEF0123456789ABCDEF', version: '1.31', platformVersion: 'eks.12',
  roleArn: 'arn:aws:iam::111122223333:role/eks-cluster-role',
  resourcesVpcConfig: {
    subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: [], clusterSecurityGroupId: 'sg-0123456789abcdef0', vpcId: 'vpc-0123456789abcdef0',
    endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'],
  },
  kubernetesNetworkConfig: { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' },
  logging: { clusterLogging: [{ types: ['api'], enabled: false }] },
  accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
  upgradePolicy: { supportType: 'EXTENDED' }, tags: { team: 'blue' }, certificateData: 'LS0tLS1CRUdJTg==', clientRequestToken: undefined,
  createdAt: CREATED, readyAt: CREATED + 1000,
};
const encode = (output: { cluster: unknown }) => encodeRestJsonOutput(eksModel, 'DescribeCluster', output as never, 'request-1').body;

describe('describedCluster', () => {
  it('answers the same frozen output while the cluster and its status are unchanged', () => {
    const first = describedCluster(cluster, CREATED + 5000, 'us-west-2');
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.cluster));
    assert.equal(describedCluster(cluster, CREATED + 9000, 'us-west-2'), first);
  });

  it('makes a new output when the status moves, and for a changed (new) cluster state', () => {
    const creating = describedCluster(cluster, CREATED, 'us-west-2');
    assert.equal(creating.cluster['status'], 'CREATING');
    const active = describedCluster(cluster, CREATED + 5000, 'us-west-2');
    assert.equal(active.cluster['status'], 'ACTIVE');
    const retagged = describedCluster({ ...cluster, tags: { team: 'red' } }, CREATED + 5000, 'us-west-2');
    assert.notEqual(retagged, active);
    assert.deepEqual(retagged.cluster['tags'], { team: 'red' });
  });

  it('encodes to the same bytes as the unfrozen view, the first time and when the body is reused', () => {
    const plain = encode({ cluster: clusterToWire(cluster, CREATED + 5000, 'us-west-2') });
    const output = describedCluster(cluster, CREATED + 5000, 'us-west-2');
    assert.equal(encode(output), plain);
    assert.equal(encode(output), plain);
    assert.equal((JSON.parse(plain) as { cluster: { endpoint: string } }).cluster.endpoint, 'https://0123456789ABCDEF0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com');
  });

  it('names the cluster\'s local Kubernetes endpoint once it has a port (AWS\'s hostname only for a cluster without one)', () => {
    const served = clusterToWire({ ...cluster, kubernetesPort: 4601 }, CREATED + 5000, 'us-west-2');
    assert.equal(served['endpoint'], 'https://127.0.0.1:4601');
    assert.equal(clusterToWire({ ...cluster, kubernetesPort: 4601 }, CREATED, 'us-west-2')['endpoint'], undefined, 'no endpoint while CREATING');
  });
});
