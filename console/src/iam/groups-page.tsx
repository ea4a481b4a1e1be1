/** IAM > User groups. */
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useAws } from '../components/use-aws.ts';
import { shownDate } from './iam-client.ts';
import { allGroups } from './policy-choices.ts';

/** The groups list. */
export function GroupsPage() {
  const navigate = useNavigate();
  const groups = useAws(allGroups, []);
  return (
    <Page title="User groups" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'User groups', to: '/iam/groups' }]}
      description="A user group is a collection of IAM users. Use groups to specify permissions for a collection of users.">
      {groups.error !== undefined && <ErrorAlert error={groups.error} />}
      <Table variant="full-page" loading={groups.loading} items={groups.data ?? []} trackBy="GroupName"
        header={<Header counter={`(${groups.data?.length ?? 0})`} actions={<Button variant="primary" onClick={() => navigate('/iam/groups/create')}>Create group</Button>}>User groups</Header>}
        columnDefinitions={[
          { id: 'name', header: 'Group name', cell: (g) => <RouterLink to={`/iam/groups/${encodeURIComponent(g.GroupName ?? '')}`}>{g.GroupName}</RouterLink> },
          { id: 'arn', header: 'ARN', cell: (g) => g.Arn },
          { id: 'created', header: 'Creation time', cell: (g) => shownDate(g.CreateDate) },
        ]} empty="No user groups" />
    </Page>
  );
}
