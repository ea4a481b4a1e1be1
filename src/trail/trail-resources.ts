/**
 * The resources an event names, as CloudTrail lists them (`AWS::IAM::User` and the user's name), from
 * the ARNs an operation's checks name. ARNs of kinds not listed here are left out of `resources`.
 */

/** A resource an event names: its CloudTrail type and name, and its ARN. */
export interface NamedResource {
  readonly type: string;
  readonly name: string;
  readonly arn: string;
  readonly accountId: string | undefined;
}

/** `service:resource-kind` → CloudTrail's resource type. */
const TYPES: Readonly<Record<string, string>> = {
  'iam:user': 'AWS::IAM::User',
  'iam:role': 'AWS::IAM::Role',
  'iam:group': 'AWS::IAM::Group',
  'iam:policy': 'AWS::IAM::Policy',
  'iam:instance-profile': 'AWS::IAM::InstanceProfile',
  'iam:oidc-provider': 'AWS::IAM::OIDCProvider',
  'iam:saml-provider': 'AWS::IAM::SAMLProvider',
  'sts:assumed-role': 'AWS::STS::AssumedRole',
  'sts:federated-user': 'AWS::STS::FederatedUser',
  'eks:cluster': 'AWS::EKS::Cluster',
  'eks:nodegroup': 'AWS::EKS::Nodegroup',
  'eks:addon': 'AWS::EKS::Addon',
  'eks:fargateprofile': 'AWS::EKS::FargateProfile',
  'eks:access-entry': 'AWS::EKS::AccessEntry',
  'eks:podidentityassociation': 'AWS::EKS::PodIdentityAssociation',
  'eks:identityproviderconfig': 'AWS::EKS::IdentityProviderConfig',
};

const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:(\d{12})?:([a-z-]+)\/(.+)$/;

/** The resource an ARN names, or undefined for `*` and kinds CloudTrail's lookup does not list here. */
export function resourceOf(arn: string): NamedResource | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  const type = TYPES[`${m[1]}:${m[3]}`];
  if (type === undefined) return undefined;
  const path = m[4]!;
  // EKS child resources name their cluster first (`cluster/name/uuid`): the child's own name is the second part.
  const name = m[1] === 'eks' && m[3] !== 'cluster' ? path.split('/')[1] ?? path : path.slice(path.lastIndexOf('/') + 1);
  return { type, name, arn, accountId: m[2] };
}
