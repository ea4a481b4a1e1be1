/** IAM > Users > NAME: the summary, and the Permissions, Groups, Tags and Security credentials tabs. */
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { GetUserCommand, ListGroupsForUserCommand, ListUserTagsCommand } from '@aws-sdk/client-iam';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useTab } from '../components/tabs-by-query.ts';
import { useAws } from '../components/use-aws.ts';
import { iam, shownDate } from './iam-client.ts';
import { UserPermissionsTab } from './user-permissions-tab.tsx';
import { UserSecurityCredentialsTab } from './user-security-credentials-tab.tsx';

/** The user page. */
export function UserDetailPage() {
  const name = useParams()['name'] ?? '';
  const [tab, setTab] = useTab('permissions');
  const user = useAws(() => iam().send(new GetUserCommand({ UserName: name })), [name]);
  const u = user.data?.User;
  return (
    <Page title={name} crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Users', to: '/iam/users' }, { text: name, to: `/iam/users/${encodeURIComponent(name)}` }]}>
      {user.error !== undefined && <ErrorAlert error={user.error} />}
      <Container header={<Header variant="h2">Summary</Header>}>
        <KeyValuePairs columns={3} items={[
          { label: 'ARN', value: u?.Arn ?? '-' },
          { label: 'Created', value: shownDate(u?.CreateDate) },
          { label: 'Permissions boundary', value: u?.PermissionsBoundary?.PermissionsBoundaryArn ?? 'Not set' },
        ]} />
      </Container>
      <Tabs activeTabId={tab} onChange={({ detail }) => setTab(detail.activeTabId)} ariaLabel="User details" tabs={[
        { id: 'permissions', label: 'Permissions', content: <UserPermissionsTab userName={name} boundary={u?.PermissionsBoundary?.PermissionsBoundaryArn} /> },
        { id: 'groups', label: 'Groups', content: <UserGroupsTab userName={name} /> },
        { id: 'tags', label: 'Tags', content: <UserTagsTab userName={name} /> },
        { id: 'security-credentials', label: 'Security credentials', content: <UserSecurityCredentialsTab userName={name} /> },
      ]} />
    </Page>
  );
}

function UserGroupsTab({ userName }: { userName: string }) {
  const groups = useAws(() => iam().send(new ListGroupsForUserCommand({ UserName: userName })), [userName]);
  return (
    <>
      {groups.error !== undefined && <ErrorAlert error={groups.error} />}
      <Table loading={groups.loading} items={groups.data?.Groups ?? []} header={<Header counter={`(${groups.data?.Groups?.length ?? 0})`}>User groups membership</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Group name', cell: (g) => <RouterLink to={`/iam/groups/${encodeURIComponent(g.GroupName ?? '')}`}>{g.GroupName}</RouterLink> },
          { id: 'arn', header: 'ARN', cell: (g) => g.Arn },
        ]} empty="Not a member of any group" />
    </>
  );
}

function UserTagsTab({ userName }: { userName: string }) {
  const tags = useAws(() => iam().send(new ListUserTagsCommand({ UserName: userName })), [userName]);
  return (
    <>
      {tags.error !== undefined && <ErrorAlert error={tags.error} />}
      <Table loading={tags.loading} items={tags.data?.Tags ?? []} header={<Header>Tags</Header>}
        columnDefinitions={[{ id: 'key', header: 'Key', cell: (t) => t.Key }, { id: 'value', header: 'Value', cell: (t) => t.Value }]} empty="No tags" />
    </>
  );
}
