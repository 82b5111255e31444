import { BILLOMAT_CLIENT_FIELDS, type BillomatField, type BillomatFieldName } from './catalogue';
import {
  isSourceAssignment,
  type BillomatCustomer,
  type FieldAssignment,
  type Mapping,
  type Problem,
  type SalesforceRecord,
} from './model';
import { readField, valueAsText } from './record';
import { settle, type Settled } from './settle';

export interface MappedRecord {
  customer: BillomatCustomer;
  problems: Problem[];
}

const NAME_FIELDS: readonly BillomatFieldName[] = ['name', 'last_name', 'first_name'];

/** How the Salesforce UI labels the usual name fields, for the one message about a missing name. */
const SALESFORCE_LABELS: Readonly<Record<string, string>> = {
  'Account:Name': 'Account Name',
  'Account:FirstName': 'First Name',
  'Account:LastName': 'Last Name',
  'Contact:FirstName': 'First Name',
  'Contact:LastName': 'Last Name',
  'Contact:Account.Name': 'Account Name',
};

function assign(
  field: BillomatField,
  assignment: FieldAssignment,
  record: SalesforceRecord,
): Settled {
  if (!isSourceAssignment(assignment)) {
    const fixed = assignment.fixed.trim();
    return fixed === '' ? { problems: [] } : settle(field, fixed, undefined, { kind: 'fixed' });
  }
  const { source, transform } = assignment;
  const text = valueAsText(readField(record, source));
  if (text === undefined) {
    const message = `${field.label}: ${source} holds several values, not one — map a single field instead (e.g. Account.Name, not Account)`;
    return { problems: [{ field: field.name, severity: 'error', message }] };
  }
  const value = text.trim();
  if (value !== '') return settle(field, value, transform, { kind: 'source', source });
  const fallback = assignment.default?.trim() ?? '';
  if (fallback === '') return { problems: [] };
  return settle(field, fallback, transform, { kind: 'default', source });
}

function missingName(mapping: Mapping): Problem {
  const sources = NAME_FIELDS.flatMap((name) => {
    const assignment = mapping.fields[name];
    return assignment && isSourceAssignment(assignment) ? [assignment.source] : [];
  });
  const label = (source: string) => SALESFORCE_LABELS[`${mapping.objectType}:${source}`] ?? source;
  const fix =
    sources.length > 0
      ? `fill in ${[...new Set(sources.map(label))].join(' or ')}`
      : 'map a Salesforce field to Company name or Last name';
  return {
    field: null,
    severity: 'error',
    message: `Billomat needs a company name or a person's name; this record has neither — ${fix}`,
  };
}

/**
 * Turns one Salesforce record into the Billomat customer it becomes. Empty values are left out;
 * a record with an `error` problem must not be sent.
 */
export function applyMapping(mapping: Mapping, record: SalesforceRecord): MappedRecord {
  const customer: BillomatCustomer = {};
  const problems: Problem[] = [];
  for (const field of BILLOMAT_CLIENT_FIELDS) {
    const assignment = mapping.fields[field.name];
    if (assignment === undefined) continue;
    const settled = assign(field, assignment, record);
    problems.push(...settled.problems);
    if (settled.value !== undefined) customer[field.name] = settled.value;
  }
  const named = NAME_FIELDS.some((name) => customer[name] !== undefined);
  if (!named) problems.push(missingName(mapping));
  return { customer, problems };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
