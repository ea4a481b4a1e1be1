/** The console home: the services, and a not-found page for unknown addresses. */
import Box from '@cloudscape-design/components/box';
import Cards from '@cloudscape-design/components/cards';
import { Page } from './components/page.tsx';
import { RouterLink } from './components/router-link.tsx';

const SERVICES = [
  { name: 'IAM', to: '/iam/users', description: 'Users, user groups, roles, policies, account settings and the policy simulator.' },
  { name: 'Amazon EKS', to: '/eks/clusters?region=us-west-2', description: 'Clusters per Region: compute, access entries, add-ons, tags and Kubernetes resources.' },
  { name: 'CloudTrail', to: '/cloudtrail/events', description: 'Event history: every call, allowed or denied.' },
];

/** The home page (or, for an unknown address, a not-found page). */
export function HomePage({ notFound = false }: { notFound?: boolean }) {
  return (
    <Page title={notFound ? 'Page not found' : 'Console home'} crumbs={[{ text: 'Console home', to: '/' }]}>
      {notFound && <Box>There is no console page at this address.</Box>}
      <Cards
        ariaLabels={{ itemSelectionLabel: () => '', selectionGroupLabel: 'Services' }}
        cardDefinition={{
          header: (s) => <RouterLink to={s.to} fontSize="heading-m">{s.name}</RouterLink>,
          sections: [{ id: 'description', content: (s) => s.description }],
        }}
        items={SERVICES}
      />
    </Page>
  );
}
