/** The IAM pages (one chunk): users, user groups, roles, policies, account settings, the policy simulator. */
import { Navigate, Route, Routes } from 'react-router';
import { UsersPage } from './users-page.tsx';
import { UserCreatePage } from './user-create-page.tsx';
import { UserDetailPage } from './user-detail-page.tsx';
import { GroupsPage } from './groups-page.tsx';
import { GroupCreatePage } from './group-create-page.tsx';
import { GroupDetailPage } from './group-detail-page.tsx';
import { RolesPage } from './roles-page.tsx';
import { RoleDetailPage } from './role-detail-page.tsx';
import { PoliciesPage } from './policies-page.tsx';
import { PolicyCreatePage } from './policy-create-page.tsx';
import { PolicyDetailPage } from './policy-detail-page.tsx';
import { AccountSettingsPage } from './account-settings-page.tsx';
import { PolicySimulatorPage } from './policy-simulator-page.tsx';

/** The IAM routes under /console/iam. */
export default function IamRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="users/create" element={<UserCreatePage />} />
      <Route path="users/:name" element={<UserDetailPage />} />
      <Route path="groups" element={<GroupsPage />} />
      <Route path="groups/create" element={<GroupCreatePage />} />
      <Route path="groups/:name" element={<GroupDetailPage />} />
      <Route path="roles" element={<RolesPage />} />
      <Route path="roles/:name" element={<RoleDetailPage />} />
      <Route path="policies" element={<PoliciesPage />} />
      <Route path="policies/create" element={<PolicyCreatePage />} />
      <Route path="policies/details" element={<PolicyDetailPage />} />
      <Route path="account-settings" element={<AccountSettingsPage />} />
      <Route path="policy-simulator" element={<PolicySimulatorPage />} />
    </Routes>
  );
}
