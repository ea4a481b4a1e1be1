/** IAM > Users: the account's users. */
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { ListUsersCommand, type User } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useAws } from '../components/use-aws.ts';
import { iam, shownDate } from './iam-client.ts';

async function allUsers(): Promise<User[]> {
  const users: User[] = [];
  let marker: string | undefined;
  do {
    const page = await iam().send(new ListUsersCommand({ Marker: marker }));
    users.push(...(page.Users ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return users;
}

/** The users list. */
export function UsersPage() {
  const navigate = useNavigate();
  const users = useAws(allUsers, []);
  const [filter, setFilter] = useState('');
  const shown = (users.data ?? []).filter((u) => u.UserName?.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Page title="Users" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Users', to: '/iam/users' }]}
      description="An IAM user is an identity with long-term credentials that is used to interact with AWS in an account.">
      {users.error !== undefined && <ErrorAlert error={users.error} />}
      <Table
        variant="full-page"
        loading={users.loading}
        loadingText="Loading users"
        items={shown}
        trackBy="UserName"
        header={<Header counter={`(${shown.length})`} actions={<Button variant="primary" onClick={() => navigate('/iam/users/create')}>Create user</Button>}>Users</Header>}
        filter={<TextFilter filteringText={filter} filteringPlaceholder="Find users by name" filteringAriaLabel="Find users by name" onChange={({ detail }) => setFilter(detail.filteringText)} />}
        columnDefinitions={[
          { id: 'name', header: 'User name', cell: (u) => <RouterLink to={`/iam/users/${encodeURIComponent(u.UserName ?? '')}`}>{u.UserName}</RouterLink> },
          { id: 'path', header: 'Path', cell: (u) => u.Path },
          { id: 'arn', header: 'ARN', cell: (u) => u.Arn },
          { id: 'created', header: 'Creation time', cell: (u) => shownDate(u.CreateDate) },
        ]}
        empty="No users"
      />
    </Page>
  );
}
