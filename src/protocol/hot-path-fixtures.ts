// Test and bench support: realistic values for the per-request hot path (DescribeCluster, GetUser,
// GetCallerIdentity), shared so the byte-pinning test and bench/protocol-bench.ts measure the same thing.
import type { ProtocolRequest } from './http-message.ts';
import type { WireStructure } from '../kernel/wire-value.ts';

/** The request id the fixtures' responses carry. */
export const HOT_REQUEST_ID = '0b7c2f3e-5d4a-4c1b-9e8f-7a6b5c4d3e2f';

/** A deterministic ~1500-character base64 blob standing in for a cluster CA certificate. */
function certificateData(): string {
  const bytes = new Uint8Array(1125);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
  return Buffer.from(bytes).toString('base64');
}

/** A ready cluster as cluster-wire.ts answers it: every member DescribeCluster usually fills. */
export function describeClusterOutput(): WireStructure {
  const endpointId = 'A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6';
  return {
    cluster: {
      name: 'team-9-prod',
      arn: 'arn:aws:eks:us-east-1:123456789012:cluster/team-9-prod',
      createdAt: new Date('2024-03-07T09:41:27.512Z'),
      version: '1.30',
      endpoint: `https://${endpointId}.gr7.us-east-1.eks.amazonaws.com`,
      roleArn: 'arn:aws:iam::123456789012:role/eks-cluster-role',
      resourcesVpcConfig: {
        subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b2c3d4e5f6071829', 'subnet-0c3d4e5f607182930'],
        securityGroupIds: ['sg-0123456789abcdef0'],
        clusterSecurityGroupId: 'sg-0fedcba9876543210',
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        endpointPublicAccess: true,
        endpointPrivateAccess: false,
        publicAccessCidrs: ['0.0.0.0/0'],
      },
      kubernetesNetworkConfig: { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' },
      logging: {
        clusterLogging: [
          { types: ['api', 'audit', 'authenticator'], enabled: true },
          { types: ['controllerManager', 'scheduler'], enabled: false },
        ],
      },
      identity: { oidc: { issuer: `https://oidc.eks.us-east-1.amazonaws.com/id/${endpointId}` } },
      status: 'ACTIVE',
      certificateAuthority: { data: certificateData() },
      clientRequestToken: '8c1f5e0a-2b3d-4e6f-9a7b-1c2d3e4f5a6b',
      platformVersion: 'eks.8',
      tags: { team: 'team-9', env: 'prod', 'cost-center': 'CC-1042', note: 'quotes " and \\ and \u2028 and <tags> & ünïcödé 東京' },
      id: undefined,
      health: { issues: [] },
      accessConfig: { bootstrapClusterCreatorAdminPermissions: true, authenticationMode: 'API_AND_CONFIG_MAP' },
      upgradePolicy: { supportType: 'EXTENDED' },
    },
  };
}

/** GetUser's output for a tagged user, with text that needs XML escaping. */
export function getUserOutput(): WireStructure {
  return {
    User: {
      Path: '/engineering/',
      UserName: 'bench',
      UserId: 'AIDACKCEVSQ6C2EXAMPLE',
      Arn: 'arn:aws:iam::123456789012:user/engineering/bench',
      CreateDate: new Date('2024-01-15T12:00:00.789Z'),
      Tags: [{ Key: 'team', Value: 'platform' }, { Key: 'note', Value: 'a<b & "c" \'d\'\r\n\u0001' }],
    },
  };
}

/** GetCallerIdentity's output for an assumed role. */
export function getCallerIdentityOutput(): WireStructure {
  return { UserId: 'AROA3XFRBF535PLBIFPI4:my-session', Account: '123456789012', Arn: 'arn:aws:sts::123456789012:assumed-role/my-role/my-session' };
}

/** The form body of `iam:GetUser` for user `bench`. */
export const GET_USER_BODY = 'Action=GetUser&Version=2010-05-08&UserName=bench';

/** `eks:DescribeCluster` for cluster `team-9-prod`. */
export function describeClusterRequest(): ProtocolRequest {
  return { method: 'GET', path: '/clusters/team-9-prod', query: '', headers: { host: 'localhost', 'x-amz-date': '20240307T094127Z' }, body: '' };
}
