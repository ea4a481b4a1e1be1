/** IAM > User groups > NAME: its users, and its permissions (attach managed policies, add inline policies). */
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import FormField from '@cloudscape-design/components/form-field';
import {
  AttachGroupPolicyCommand, DetachGroupPolicyCommand, GetGroupCommand, ListAttachedGroupPoliciesCommand, ListGroupPoliciesCommand, PutGroupPolicyCommand,
} from '@aws-sdk/client-iam';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useTab } from '../components/tabs-by-query.ts';
import { useAws } from '../components/use-aws.ts';
import { iam } from './iam-client.ts';
import { allPolicies, policyOption } from './policy-choices.ts';
import { PolicyEditor } from './policy-editor.tsx';

/** The group page. */
export function GroupDetailPage() {
  const name = useParams()['name'] ?? '';
  const [tab, setTab] = useTab('users');
  const [error, setError] = useState<unknown>();
  const [toAttach, setToAttach] = useState<readonly MultiselectProps.Option[]>([]);
  const group = useAws(() => iam().send(new GetGroupCommand({ GroupName: name })), [name]);
  const attached = useAws(() => iam().send(new ListAttachedGroupPoliciesCommand({ GroupName: name })), [name]);
  const inline = useAws(() => iam().send(new ListGroupPoliciesCommand({ GroupName: name })), [name]);
  const choices = useAws(() => allPolicies('All'), []);
  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    }
  };
  const attach = () => run(async () => {
    for (const p of toAttach) await iam().send(new AttachGroupPolicyCommand({ GroupName: name, PolicyArn: p.value! }));
    setToAttach([]);
    attached.reload();
  });
  const permissions = (
    <SpaceBetween size="l">
      <Table loading={attached.loading} items={attached.data?.AttachedPolicies ?? []} header={<Header counter={`(${attached.data?.AttachedPolicies?.length ?? 0})`}>Attached policies</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (p) => <RouterLink to={`/iam/policies/details?arn=${encodeURIComponent(p.PolicyArn ?? '')}`}>{p.PolicyName}</RouterLink> },
          { id: 'detach', header: 'Actions', cell: (p) => <Button variant="inline-link" ariaLabel={`Detach ${p.PolicyName}`} onClick={() => void run(async () => { await iam().send(new DetachGroupPolicyCommand({ GroupName: name, PolicyArn: p.PolicyArn })); attached.reload(); })}>Detach</Button> },
        ]} empty="No policies attached" />
      <SpaceBetween direction="horizontal" size="xs" alignItems="end">
        <FormField label="Attach policies">
          <div style={{ minWidth: 360 }}>
            <Multiselect selectedOptions={toAttach} onChange={({ detail }) => setToAttach(detail.selectedOptions)} filteringType="auto" filteringAriaLabel="Filter options" deselectAriaLabel={(o) => `Remove ${o.label ?? o.value ?? ""}`} placeholder="Choose policies" virtualScroll
              statusType={choices.loading ? 'loading' : 'finished'} options={(choices.data ?? []).map(policyOption)} />
          </div>
        </FormField>
        <Button onClick={() => void attach()} disabled={toAttach.length === 0}>Attach policies</Button>
      </SpaceBetween>
      <Table loading={inline.loading} items={(inline.data?.PolicyNames ?? []).map((n) => ({ n }))} header={<Header>Inline policies</Header>}
        columnDefinitions={[{ id: 'name', header: 'Policy name', cell: (p) => p.n }]} empty="No inline policies" />
      <PolicyEditor heading="Create inline policy" nameLabel="Policy name" submitText="Create inline policy"
        onSubmit={async (policyName, document) => { await iam().send(new PutGroupPolicyCommand({ GroupName: name, PolicyName: policyName, PolicyDocument: document })); inline.reload(); }} />
    </SpaceBetween>
  );
  return (
    <Page title={name} crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'User groups', to: '/iam/groups' }, { text: name, to: `/iam/groups/${encodeURIComponent(name)}` }]}>
      {error !== undefined && <ErrorAlert error={error} onDismiss={() => setError(undefined)} />}
      {group.error !== undefined && <ErrorAlert error={group.error} />}
      <Tabs activeTabId={tab} onChange={({ detail }) => setTab(detail.activeTabId)} ariaLabel="User group details" tabs={[
        { id: 'users', label: 'Users', content: (
          <Table loading={group.loading} items={group.data?.Users ?? []} header={<Header counter={`(${group.data?.Users?.length ?? 0})`}>Users in this group</Header>}
            columnDefinitions={[{ id: 'name', header: 'User name', cell: (u) => <RouterLink to={`/iam/users/${encodeURIComponent(u.UserName ?? '')}`}>{u.UserName}</RouterLink> }]} empty="No users" />
        ) },
        { id: 'permissions', label: 'Permissions', content: permissions },
      ]} />
    </Page>
  );
}
