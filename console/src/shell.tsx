/** The console's frame: the top bar (who is signed in, sign out) and each service's side navigation. */
import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useFollow } from './components/router-link.tsx';
import { signOut } from './session/sign-in-api.ts';
import { displayName, type ConsoleSession } from './session/session-store.ts';

const IAM_NAV: SideNavigationProps['items'] = [
  { type: 'section', text: 'Access management', items: [
    { type: 'link', text: 'User groups', href: '/console/iam/groups' },
    { type: 'link', text: 'Users', href: '/console/iam/users' },
    { type: 'link', text: 'Roles', href: '/console/iam/roles' },
    { type: 'link', text: 'Policies', href: '/console/iam/policies' },
    { type: 'link', text: 'Account settings', href: '/console/iam/account-settings' },
  ] },
  { type: 'section', text: 'Access reports', items: [{ type: 'link', text: 'Policy simulator', href: '/console/iam/policy-simulator' }] },
];

const EKS_NAV: SideNavigationProps['items'] = [{ type: 'link', text: 'Clusters', href: '/console/eks/clusters' }];
const CLOUDTRAIL_NAV: SideNavigationProps['items'] = [{ type: 'link', text: 'Event history', href: '/console/cloudtrail/events' }];

function navigationOf(path: string): { header: string; href: string; items: SideNavigationProps['items'] } {
  if (path.startsWith('/eks')) return { header: 'Amazon Elastic Kubernetes Service', href: '/console/eks/clusters', items: EKS_NAV };
  if (path.startsWith('/cloudtrail')) return { header: 'CloudTrail', href: '/console/cloudtrail/events', items: CLOUDTRAIL_NAV };
  return { header: 'Identity and Access Management (IAM)', href: '/console/iam/users', items: IAM_NAV };
}

/** The frame around `children`. */
export function Shell({ session, children }: { session: ConsoleSession; children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const follow = useFollow();
  const nav = navigationOf(location.pathname);
  const activeHref = `/console${location.pathname.split('/').slice(0, 3).join('/')}`;
  return (
    <>
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{ href: '/console/', title: 'Tollgate', onFollow: (e) => { e.preventDefault(); navigate('/'); } }}
          utilities={[
            { type: 'button', text: 'IAM', href: '/console/iam/users', onClick: (e) => { e.preventDefault(); navigate('/iam/users'); } },
            { type: 'button', text: 'EKS', href: '/console/eks/clusters', onClick: (e) => { e.preventDefault(); navigate('/eks/clusters'); } },
            { type: 'button', text: 'CloudTrail', href: '/console/cloudtrail/events', onClick: (e) => { e.preventDefault(); navigate('/cloudtrail/events'); } },
            {
              type: 'menu-dropdown', text: displayName(session.identity), description: session.identity.arn, iconName: 'user-profile',
              items: [{ id: 'signout', text: 'Sign out' }],
              onItemClick: ({ detail }) => { if (detail.id === 'signout') void signOut().then(() => navigate('/')); },
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        ariaLabels={{ navigation: 'Side navigation', navigationClose: 'Close side navigation', navigationToggle: 'Open side navigation', notifications: 'Notifications', tools: 'Help panel', toolsClose: 'Close help panel', toolsToggle: 'Open help panel' }}
        navigation={<SideNavigation header={{ text: nav.header, href: nav.href }} items={nav.items} activeHref={activeHref} onFollow={follow} />}
        content={children}
      />
    </>
  );
}
