/** Cloudscape links and navigation that move within the console's router instead of reloading the page. */
import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';

/** Cloudscape's `onFollow` for an href under /console: navigates in place. */
export function useFollow(): (event: CustomEvent<{ href?: string; external?: boolean }>) => void {
  const navigate = useNavigate();
  return useCallback((event) => {
    const href = event.detail.href;
    if (!href || event.detail.external || !href.startsWith('/console')) return;
    event.preventDefault();
    navigate(href.slice('/console'.length) || '/');
  }, [navigate]);
}

/** A link to a console address (`to` is under /console, e.g. `/iam/users/alice`). */
export function RouterLink({ to, children, ...props }: Omit<LinkProps, 'href' | 'onFollow'> & { to: string }) {
  const follow = useFollow();
  return <Link {...props} href={`/console${to}`} onFollow={follow}>{children}</Link>;
}
