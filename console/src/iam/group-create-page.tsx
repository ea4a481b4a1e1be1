/** IAM > User groups > Create user group: the name, users to add, and managed policies to attach. */
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { AddUserToGroupCommand, AttachGroupPolicyCommand, CreateGroupCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { useAws } from '../components/use-aws.ts';
import { iam } from './iam-client.ts';
import { allPolicies, policyOption } from './policy-choices.ts';

/** The form. */
export function GroupCreatePage() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [users, setUsers] = useState<readonly MultiselectProps.Option[]>([]);
  const [policies, setPolicies] = useState<readonly MultiselectProps.Option[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const userChoices = useAws(() => iam().send(new ListUsersCommand({ MaxItems: 1000 })), []);
  const policyChoices = useAws(() => allPolicies('All'), []);
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await iam().send(new CreateGroupCommand({ GroupName: name }));
      for (const u of users) await iam().send(new AddUserToGroupCommand({ GroupName: name, UserName: u.value! }));
      for (const p of policies) await iam().send(new AttachGroupPolicyCommand({ GroupName: name, PolicyArn: p.value! }));
      navigate(`/iam/groups/${encodeURIComponent(name)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Page title="Create user group" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'User groups', to: '/iam/groups' }, { text: 'Create user group', to: '/iam/groups/create' }]}>
      {error !== undefined && <ErrorAlert error={error} />}
      <Form actions={<SpaceBetween direction="horizontal" size="xs"><Button onClick={() => navigate('/iam/groups')}>Cancel</Button><Button variant="primary" loading={busy} onClick={() => void create()}>Create user group</Button></SpaceBetween>}>
        <Container header={<Header variant="h2">Name, users and permissions</Header>}>
          <SpaceBetween size="l">
            <FormField label="User group name"><Input value={name} onChange={({ detail }) => setName(detail.value)} /></FormField>
            <FormField label="Add users to the group">
              <Multiselect selectedOptions={users} onChange={({ detail }) => setUsers(detail.selectedOptions)} filteringType="auto" filteringAriaLabel="Filter options" deselectAriaLabel={(o) => `Remove ${o.label ?? o.value ?? ""}`} placeholder="Choose users"
                statusType={userChoices.loading ? 'loading' : 'finished'} options={(userChoices.data?.Users ?? []).map((u) => ({ value: u.UserName ?? '', label: u.UserName ?? '' }))} />
            </FormField>
            <FormField label="Attach permissions policies">
              <Multiselect selectedOptions={policies} onChange={({ detail }) => setPolicies(detail.selectedOptions)} filteringType="auto" filteringAriaLabel="Filter options" deselectAriaLabel={(o) => `Remove ${o.label ?? o.value ?? ""}`} placeholder="Choose policies"
                virtualScroll statusType={policyChoices.loading ? 'loading' : 'finished'} options={(policyChoices.data ?? []).map(policyOption)} />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
    </Page>
  );
}
