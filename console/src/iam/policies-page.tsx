/** IAM > Policies: AWS managed and customer managed policies, filtered by type and name. */
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useAws } from '../components/use-aws.ts';
import { shownDate } from './iam-client.ts';
import { allPolicies } from './policy-choices.ts';

const PAGE = 50;

/** The policies list. */
export function PoliciesPage() {
  const navigate = useNavigate();
  const [scope, setScope] = useState<'All' | 'AWS' | 'Local'>('Local');
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const policies = useAws(() => allPolicies(scope), [scope]);
  const shown = (policies.data ?? []).filter((p) => p.PolicyName?.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Page title="Policies" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Policies', to: '/iam/policies' }]}
      description="A policy is an object in AWS that defines permissions.">
      {policies.error !== undefined && <ErrorAlert error={policies.error} />}
      <Table variant="full-page" loading={policies.loading} items={shown.slice((page - 1) * PAGE, page * PAGE)} trackBy="Arn"
        header={<Header counter={`(${shown.length})`} actions={<Button variant="primary" onClick={() => navigate('/iam/policies/create')}>Create policy</Button>}>Policies</Header>}
        filter={
          <SpaceBetween direction="horizontal" size="s">
            <TextFilter filteringText={filter} filteringPlaceholder="Filter policies by name" filteringAriaLabel="Filter policies by name" onChange={({ detail }) => { setFilter(detail.filteringText); setPage(1); }} />
            <SegmentedControl label="Policy type" selectedId={scope} onChange={({ detail }) => { setScope(detail.selectedId === 'All' ? 'All' : detail.selectedId === 'AWS' ? 'AWS' : 'Local'); setPage(1); }}
              options={[{ id: 'Local', text: 'Customer managed' }, { id: 'AWS', text: 'AWS managed' }, { id: 'All', text: 'All types' }]} />
          </SpaceBetween>
        }
        pagination={<Pagination currentPageIndex={page} pagesCount={Math.max(1, Math.ceil(shown.length / PAGE))} onChange={({ detail }) => setPage(detail.currentPageIndex)}
          ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />}
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (p) => <RouterLink to={`/iam/policies/details?arn=${encodeURIComponent(p.Arn ?? '')}`}>{p.PolicyName}</RouterLink> },
          { id: 'type', header: 'Type', cell: (p) => (p.Arn?.startsWith('arn:aws:iam::aws:') ? 'AWS managed' : 'Customer managed') },
          { id: 'attached', header: 'Attached entities', cell: (p) => p.AttachmentCount ?? 0 },
          { id: 'updated', header: 'Last edited', cell: (p) => shownDate(p.UpdateDate) },
        ]} empty="No policies" />
    </Page>
  );
}
