export {
  checkAccess,
  type AccessCheck,
  type AccessCheckKey,
  type AccessCheckStatus,
  type AccessReport,
} from './access';
export { API_VERSION } from './api-version';
export { OrgConnectionError, type OrgConnectionProblem } from './connect-error';
export { filterableFields, resolveFields, UnknownFieldError, type FieldPath } from './describe';
export { explainSalesforceError, type SalesforceProblem } from './explain';
export { FilterError, parseFilter, type FilterableField, type ValidatedFilter } from './filter';
export { connectWithJwt, jwtAudience, signJwtAssertion, type JwtConnectionSettings } from './jwt';
export { LOGIN_URLS, resolveLoginUrl } from './login-url';
export {
  completeAuthorization,
  connectWithRefreshToken,
  startAuthorization,
  type AuthorizationCallback,
  type AuthorizationRequest,
  type ConnectedAppSettings,
  type OrgConnection,
  type PendingAuthorization,
  type RefreshTokenConnection,
} from './oauth';
export {
  countRecords,
  pullRecords,
  type CountOptions,
  type PullObjectType,
  type PullOptions,
} from './pull';
export type { SalesforceRecord, SalesforceValue } from './records';
