/** One console page: breadcrumbs, a header with actions, and the content. */
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, type ReactNode } from 'react';
import { useFollow } from './router-link.tsx';

/** A breadcrumb: its text and console address (under /console). */
export interface Crumb {
  readonly text: string;
  readonly to: string;
}

/** The page frame. */
export function Page({ title, description, crumbs, actions, children }: { title: string; description?: ReactNode; crumbs: readonly Crumb[]; actions?: ReactNode; children: ReactNode }) {
  const follow = useFollow();
  useEffect(() => { document.title = `${title} | Tollgate console`; }, [title]);
  return (
    <ContentLayout
      header={
        <SpaceBetween size="m">
          <BreadcrumbGroup ariaLabel="Breadcrumbs" items={crumbs.map((c) => ({ text: c.text, href: `/console${c.to}` }))} onFollow={follow} />
          <Header variant="h1" description={description} actions={actions}>{title}</Header>
        </SpaceBetween>
      }
    >
      <SpaceBetween size="l">{children}</SpaceBetween>
    </ContentLayout>
  );
}
