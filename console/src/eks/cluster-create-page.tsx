/**
 * EKS > Clusters > Create cluster (`?region=`): name, Kubernetes version, the cluster service role, the
 * subnets and the authentication mode. CreateCluster makes EKS check iam:PassRole on the chosen role,
 * so a user without it sees exactly that denial.
 */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { CreateClusterCommand, type AuthenticationMode } from '@aws-sdk/client-eks';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { clientConfig } from '../aws/clients.ts';
import { shownError } from '../components/aws-error.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { useAws } from '../components/use-aws.ts';
import { eks, useRegion } from './eks-client.ts';

const VERSIONS = ['1.33', '1.32', '1.31', '1.30', '1.29'];
const MODES: AuthenticationMode[] = ['API_AND_CONFIG_MAP', 'API', 'CONFIG_MAP'];

/** Roles that trust eks.amazonaws.com (the choices of the cluster service role). */
async function clusterRoles(): Promise<{ value: string; label: string }[]> {
  const answer = await new IAMClient(clientConfig('us-east-1')).send(new ListRolesCommand({ MaxItems: 1000 }));
  return (answer.Roles ?? [])
    .filter((r) => decodeURIComponent(r.AssumeRolePolicyDocument ?? '').includes('eks.amazonaws.com'))
    .map((r) => ({ value: r.Arn ?? '', label: r.RoleName ?? '' }));
}

/** The form. */
export function ClusterCreatePage() {
  const navigate = useNavigate();
  const [region] = useRegion();
  const [name, setName] = useState('');
  const [version, setVersion] = useState<SelectProps.Option>({ value: '1.32', label: '1.32' });
  const [role, setRole] = useState<SelectProps.Option | null>(null);
  const [roleArn, setRoleArn] = useState('');
  const [subnets, setSubnets] = useState('subnet-0a1b2c3d, subnet-4e5f6a7b');
  const [mode, setMode] = useState<SelectProps.Option>({ value: 'API_AND_CONFIG_MAP', label: 'EKS API and ConfigMap' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const roles = useAws(clusterRoles, []);
  const listDenied = roles.error !== undefined;
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await eks(region).send(new CreateClusterCommand({
        name, version: version.value, roleArn: listDenied ? roleArn : role?.value,
        resourcesVpcConfig: { subnetIds: subnets.split(/[\s,]+/).filter(Boolean) },
        accessConfig: { authenticationMode: mode.value as AuthenticationMode },
      }));
      navigate(`/eks/clusters/${encodeURIComponent(name)}?region=${region}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Page title="Create EKS cluster" crumbs={[{ text: 'Amazon Elastic Kubernetes Service', to: `/eks/clusters?region=${region}` }, { text: 'Clusters', to: `/eks/clusters?region=${region}` }, { text: 'Create', to: `/eks/clusters/create?region=${region}` }]}
      description={`In ${region}`}>
      {error !== undefined && <ErrorAlert error={error} />}
      <Form actions={<SpaceBetween direction="horizontal" size="xs"><Button onClick={() => navigate(`/eks/clusters?region=${region}`)}>Cancel</Button><Button variant="primary" loading={busy} onClick={() => void create()}>Create</Button></SpaceBetween>}>
        <Container header={<Header variant="h2">Cluster configuration</Header>}>
          <SpaceBetween size="l">
            <FormField label="Name" constraintText="Up to 100 characters: letters, digits, hyphens and underscores, starting with a letter or digit.">
              <Input value={name} onChange={({ detail }) => setName(detail.value)} />
            </FormField>
            <FormField label="Kubernetes version">
              <Select selectedOption={version} onChange={({ detail }) => setVersion(detail.selectedOption)} options={VERSIONS.map((v) => ({ value: v, label: v }))} />
            </FormField>
            {listDenied ? (
              <SpaceBetween size="s">
                <Alert type="warning" header="The roles could not be listed">{shownError(roles.error).message}</Alert>
                <FormField label="Cluster IAM role ARN" description="The role the EKS control plane uses; it must trust eks.amazonaws.com.">
                  <Input value={roleArn} onChange={({ detail }) => setRoleArn(detail.value)} placeholder="arn:aws:iam::111122223333:role/eks-cluster-role" />
                </FormField>
              </SpaceBetween>
            ) : (
              <FormField label="Cluster IAM role" description="The role the EKS control plane uses; only roles that trust eks.amazonaws.com are listed.">
                <Select selectedOption={role} onChange={({ detail }) => setRole(detail.selectedOption)} options={roles.data ?? []} placeholder="Choose a cluster IAM role"
                  statusType={roles.loading ? 'loading' : 'finished'} empty="No role trusts eks.amazonaws.com" />
              </FormField>
            )}
            <FormField label="Subnets" description="Subnet IDs, separated by commas (at least two, in different Availability Zones).">
              <Input value={subnets} onChange={({ detail }) => setSubnets(detail.value)} />
            </FormField>
            <FormField label="Cluster authentication mode">
              <Select selectedOption={mode} onChange={({ detail }) => setMode(detail.selectedOption)}
                options={MODES.map((m) => ({ value: m, label: m === 'API' ? 'EKS API' : m === 'CONFIG_MAP' ? 'ConfigMap' : 'EKS API and ConfigMap' }))} />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
    </Page>
  );
}
