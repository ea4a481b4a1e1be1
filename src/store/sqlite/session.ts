/** A StoreSession assembled from the table repositories, all running through one Runner. */
import type { StoreSession } from '../store.ts';
import { accessKeysRepository } from './repositories/access-keys-repository.ts';
import { accountsRepository } from './repositories/accounts-repository.ts';
import { eksRepository } from './repositories/eks-repository.ts';
import { attachmentsRepository } from './repositories/attachments-repository.ts';
import { groupsRepository } from './repositories/groups-repository.ts';
import { kubernetesRepository } from './repositories/kubernetes-repository.ts';
import { inlinePoliciesRepository } from './repositories/inline-policies-repository.ts';
import { loginProfilesRepository } from './repositories/login-profiles-repository.ts';
import { managedPoliciesRepository } from './repositories/managed-policies-repository.ts';
import { passwordPoliciesRepository } from './repositories/password-policies-repository.ts';
import { rolesRepository } from './repositories/roles-repository.ts';
import { sessionsRepository } from './repositories/sessions-repository.ts';
import { rootPasswordsRepository } from './repositories/root-passwords-repository.ts';
import { serviceControlPoliciesRepository } from './repositories/service-control-policies-repository.ts';
import { trailRepository } from './repositories/trail-repository.ts';
import { usersRepository } from './repositories/users-repository.ts';
import type { Runner } from './runner.ts';

/** Every part of a session over `run`. */
export function createSession(run: Runner): StoreSession {
  return {
    accounts: accountsRepository(run),
    users: usersRepository(run),
    groups: groupsRepository(run),
    roles: rolesRepository(run),
    inlinePolicies: inlinePoliciesRepository(run),
    managedPolicies: managedPoliciesRepository(run),
    attachments: attachmentsRepository(run),
    accessKeys: accessKeysRepository(run),
    loginProfiles: loginProfilesRepository(run),
    passwordPolicies: passwordPoliciesRepository(run),
    eks: eksRepository(run),
    kubernetes: kubernetesRepository(run),
    sessions: sessionsRepository(run),
    rootPasswords: rootPasswordsRepository(run),
    serviceControlPolicies: serviceControlPoliciesRepository(run),
    trail: trailRepository(run),
  };
}
