/** IAM > Roles. */
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { ListRolesCommand, type Role } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';
import { RouterLink } from '../components/router-link.tsx';
import { useAws } from '../components/use-aws.ts';
import { iam, shownDate } from './iam-client.ts';

/** Every role of the account. */
export async function allRoles(): Promise<Role[]> {
  const roles: Role[] = [];
  let marker: string | undefined;
  do {
    const page = await iam().send(new ListRolesCommand({ Marker: marker }));
    roles.push(...(page.Roles ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return roles;
}

/** The roles list. */
export function RolesPage() {
  const roles = useAws(allRoles, []);
  const [filter, setFilter] = useState('');
  const shown = (roles.data ?? []).filter((r) => r.RoleName?.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Page title="Roles" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Roles', to: '/iam/roles' }]}
      description="An IAM role is an identity you can create that has specific permissions with credentials that are valid for short durations.">
      {roles.error !== undefined && <ErrorAlert error={roles.error} />}
      <Table variant="full-page" loading={roles.loading} items={shown} trackBy="RoleName" header={<Header counter={`(${shown.length})`}>Roles</Header>}
        filter={<TextFilter filteringText={filter} filteringPlaceholder="Find roles by name" filteringAriaLabel="Find roles by name" onChange={({ detail }) => setFilter(detail.filteringText)} />}
        columnDefinitions={[
          { id: 'name', header: 'Role name', cell: (r) => <RouterLink to={`/iam/roles/${encodeURIComponent(r.RoleName ?? '')}`}>{r.RoleName}</RouterLink> },
          { id: 'trusted', header: 'Trusted entities', cell: (r) => trustedEntities(r.AssumeRolePolicyDocument) },
          { id: 'created', header: 'Creation time', cell: (r) => shownDate(r.CreateDate) },
        ]} empty="No roles" />
    </Page>
  );
}

/** "AWS Service: eks", "Account: 111122223333", ... from a trust policy. */
export function trustedEntities(encoded: string | undefined): string {
  try {
    const doc = JSON.parse(decodeURIComponent(encoded ?? '')) as { Statement?: unknown };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const names: string[] = [];
    for (const s of statements as { Principal?: Record<string, string | string[]> | string }[]) {
      const p = s?.Principal;
      if (typeof p === 'string') names.push(p);
      else if (p) for (const [kind, v] of Object.entries(p)) for (const one of Array.isArray(v) ? v : [v]) names.push(kind === 'Service' ? `AWS Service: ${one.replace('.amazonaws.com', '')}` : `${kind}: ${one}`);
    }
    return names.join(', ') || '-';
  } catch {
    return '-';
  }
}
