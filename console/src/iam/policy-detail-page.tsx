/** IAM > Policies > NAME (`?arn=`): the default version's document, its versions, and where it is attached. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import Checkbox from '@cloudscape-design/components/checkbox';
import {
  CreatePolicyVersionCommand, GetPolicyCommand, GetPolicyVersionCommand, ListEntitiesForPolicyCommand, ListPolicyVersionsCommand, SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useTab } from '../components/tabs-by-query.ts';
import { useAws } from '../components/use-aws.ts';
import { iam, policyText, shownDate } from './iam-client.ts';
import { PolicyEditor } from './policy-editor.tsx';

/** The policy page. */
export function PolicyDetailPage() {
  const [params] = useSearchParams();
  const arn = params.get('arn') ?? '';
  const [tab, setTab] = useTab('permissions');
  const [error, setError] = useState<unknown>();
  const [asDefault, setAsDefault] = useState(true);
  const policy = useAws(() => iam().send(new GetPolicyCommand({ PolicyArn: arn })), [arn]);
  const p = policy.data?.Policy;
  const version = useAws(async () => (p?.DefaultVersionId ? (await iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: p.DefaultVersionId }))).PolicyVersion : undefined), [arn, p?.DefaultVersionId]);
  const versions = useAws(() => iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn })), [arn]);
  const entities = useAws(() => iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn })), [arn]);
  const customer = !arn.startsWith('arn:aws:iam::aws:');
  const entityRows = [
    ...(entities.data?.PolicyUsers ?? []).map((u) => ({ type: 'User', name: u.UserName ?? '', to: `/iam/users/${encodeURIComponent(u.UserName ?? '')}` })),
    ...(entities.data?.PolicyGroups ?? []).map((g) => ({ type: 'Group', name: g.GroupName ?? '', to: `/iam/groups/${encodeURIComponent(g.GroupName ?? '')}` })),
    ...(entities.data?.PolicyRoles ?? []).map((r) => ({ type: 'Role', name: r.RoleName ?? '', to: `/iam/roles/${encodeURIComponent(r.RoleName ?? '')}` })),
  ];
  return (
    <Page title={p?.PolicyName ?? arn} crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Policies', to: '/iam/policies' }, { text: p?.PolicyName ?? 'Policy', to: `/iam/policies/details?arn=${encodeURIComponent(arn)}` }]}>
      {policy.error !== undefined && <ErrorAlert error={policy.error} />}
      {error !== undefined && <ErrorAlert error={error} onDismiss={() => setError(undefined)} />}
      <Container header={<Header variant="h2">Policy details</Header>}>
        <KeyValuePairs columns={3} items={[
          { label: 'ARN', value: arn },
          { label: 'Type', value: customer ? 'Customer managed' : 'AWS managed' },
          { label: 'Description', value: p?.Description ?? '-' },
          { label: 'Created', value: shownDate(p?.CreateDate) },
          { label: 'Edited', value: shownDate(p?.UpdateDate) },
          { label: 'Default version', value: p?.DefaultVersionId ?? '-' },
        ]} />
      </Container>
      <Tabs activeTabId={tab} onChange={({ detail }) => setTab(detail.activeTabId)} ariaLabel="Policy details" tabs={[
        { id: 'permissions', label: 'Permissions', content: (
          <Container header={<Header variant="h2">Permissions defined in this policy</Header>}>
            {version.error !== undefined ? <ErrorAlert error={version.error} /> : <Box variant="code"><pre style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="policy-document">{policyText(version.data?.Document)}</pre></Box>}
          </Container>
        ) },
        { id: 'entities', label: 'Entities attached', content: (
          <Table loading={entities.loading} items={entityRows} header={<Header counter={`(${entityRows.length})`}>Entities attached</Header>}
            columnDefinitions={[{ id: 'name', header: 'Entity name', cell: (e) => <RouterLink to={e.to}>{e.name}</RouterLink> }, { id: 'type', header: 'Type', cell: (e) => e.type }]} empty="Not attached" />
        ) },
        { id: 'versions', label: 'Policy versions', content: (
          <Table loading={versions.loading} items={versions.data?.Versions ?? []} header={<Header counter={`(${versions.data?.Versions?.length ?? 0})`}>Policy versions</Header>}
            columnDefinitions={[
              { id: 'id', header: 'Version', cell: (v) => `${v.VersionId}${v.IsDefaultVersion ? ' (Default)' : ''}` },
              { id: 'created', header: 'Created', cell: (v) => shownDate(v.CreateDate) },
              { id: 'actions', header: 'Actions', cell: (v) => (customer && !v.IsDefaultVersion
                ? <Button variant="inline-link" ariaLabel={`Set ${v.VersionId} as default`} onClick={() => void iam().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: v.VersionId })).then(() => { policy.reload(); versions.reload(); }, setError)}>Set as default</Button>
                : '-') },
            ]} empty="No versions" />
        ) },
        ...(customer ? [{ id: 'edit', label: 'Edit', content: (
          <PolicyEditor key={version.data?.VersionId ?? 'none'} heading="New version" submitText="Save changes" initial={policyText(version.data?.Document)}
            extra={<Checkbox checked={asDefault} onChange={({ detail }) => setAsDefault(detail.checked)}>Set as the default version</Checkbox>}
            onSubmit={async (_name, document) => { await iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: document, SetAsDefault: asDefault })); policy.reload(); versions.reload(); }} />
        ) }] : []),
      ]} />
    </Page>
  );
}
