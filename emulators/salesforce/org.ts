import { createHash } from 'node:crypto';
import { KEY_PREFIX, salesforceId } from './ids';
import type { FakeRecord } from './soql/evaluate';

export interface FakeUser {
  id: string;
  username: string;
  name: string;
  email: string;
  /** The "API Enabled" user permission (profile or permission set). */
  apiEnabled: boolean;
  /** The "API Only User" permission: no UI login, API only. */
  apiUserOnly: boolean;
}

export type FakeUserInput = Partial<FakeUser> & { username: string };

export interface OrgSettings {
  id: string;
  name: string;
  organizationType: string;
  isSandbox: boolean;
  trialExpirationDate: string | null;
  instanceName: string;
  /** The org has no API access at all (e.g. Professional Edition without the add-on). */
  apiDisabledForOrg: boolean;
  /** Rolling 24-hour API request allowance; REQUEST_LIMIT_EXCEEDED once used up. */
  dailyApiRequestLimit: number;
}

export interface ConnectedApp {
  clientId: string;
  clientSecret: string;
  /** Allowed callback URLs; null accepts any. */
  redirectUris: string[] | null;
  /** "Require Secret for Web Server Flow" and for refresh. */
  requireSecret: boolean;
  /** Certificate public key for the JWT bearer flow, PEM. */
  jwtPublicKeyPem: string | null;
}

export function defaultOrg(): OrgSettings {
  return {
    id: salesforceId(KEY_PREFIX.Organization, 4711),
    name: 'Musterfirma GmbH',
    organizationType: 'Enterprise Edition',
    isSandbox: false,
    trialExpirationDate: null,
    instanceName: 'EU44',
    apiDisabledForOrg: false,
    dailyApiRequestLimit: 1_000_000,
  };
}

export function defaultConnectedApp(): ConnectedApp {
  return {
    clientId: 'fake-client-id',
    clientSecret: 'fake-client-secret',
    redirectUris: null,
    requireSecret: true,
    jwtPublicKeyPem: null,
  };
}

/** The same username always gets the same user id, in every fake. */
function userIdFor(username: string): string {
  return salesforceId(
    KEY_PREFIX.User,
    createHash('sha256').update(username).digest().readUInt32BE(0),
  );
}

export function toUser(input: FakeUserInput): FakeUser {
  const local = input.username.split('@')[0] ?? input.username;
  return {
    id: input.id ?? userIdFor(input.username),
    username: input.username,
    name: input.name ?? local,
    email: input.email ?? input.username,
    apiEnabled: input.apiEnabled ?? true,
    apiUserOnly: input.apiUserOnly ?? false,
  };
}

export function defaultUsers(): FakeUser[] {
  return [toUser({ username: 'admin@musterfirma.example', name: 'Anna Admin' })];
}

export function organizationRow(org: OrgSettings): FakeRecord {
  return {
    Id: org.id,
    Name: org.name,
    OrganizationType: org.organizationType,
    IsSandbox: org.isSandbox,
    TrialExpirationDate: org.trialExpirationDate,
    InstanceName: org.instanceName,
    NamespacePrefix: null,
    DefaultLocaleSidKey: 'de_DE',
    LanguageLocaleKey: 'de',
  };
}

/** The effective permissions of the calling user, as UserPermissionAccess answers them. */
export function permissionRow(user: FakeUser): FakeRecord {
  return {
    Id: '000000000000000AAA',
    PermissionsApiEnabled: user.apiEnabled,
    PermissionsApiUserOnly: user.apiUserOnly,
    PermissionsViewSetup: true,
    PermissionsViewAllData: true,
    PermissionsModifyAllData: false,
  };
}
