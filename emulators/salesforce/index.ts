export {
  startSalesforceFake,
  type FakeSession,
  type OrgChanges,
  type SalesforceFake,
  type SalesforceFakeOptions,
} from './fake';
export type { ConnectedApp, FakeUser, FakeUserInput, OrgSettings } from './org';
export type { RecordInput } from './records';
export type { FieldType, RecordObject } from './schema';
export type { RecordedRequest } from './context';
export {
  generateAccounts,
  generateContacts,
  generatedAccountId,
  generatedContactId,
  type ContactGeneratorOptions,
  type GeneratorOptions,
} from './generator';
