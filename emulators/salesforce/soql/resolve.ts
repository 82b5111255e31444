import {
  findField,
  findRelationship,
  type FieldDescription,
  type ObjectDescription,
} from '../schema';
import { dateLiteralRange } from './date-literals';
import { SoqlError } from './errors';
import type { ComparisonOperator, Literal, OrderBy, SoqlQuery } from './parser';

/** A field reference checked against the describe: `Name`, or `Account.Name` through a lookup. */
export interface FieldPath {
  path: string;
  field: FieldDescription;
  lookup: { relationshipName: string; idField: string; object: string } | null;
}

export type ResolvedCondition =
  | { kind: 'and' | 'or'; operands: ResolvedCondition[] }
  | { kind: 'not'; operand: ResolvedCondition }
  | { kind: 'compare'; field: FieldPath; op: ComparisonOperator; value: Literal }
  | { kind: 'in'; field: FieldPath; negated: boolean; values: Literal[] };

export interface ResolvedQuery {
  object: ObjectDescription;
  count: boolean;
  fields: FieldPath[];
  where: ResolvedCondition | null;
  orderBy: Array<Omit<OrderBy, 'field'> & { field: FieldPath }>;
  limit: number | null;
  offset: number | null;
}

export type Describe = (objectName: string) => ObjectDescription | undefined;

function resolvePath(object: ObjectDescription, name: string, describe: Describe): FieldPath {
  const parts = name.split('.');
  if (parts.length === 1) {
    const field = findField(object, name);
    if (!field)
      throw new SoqlError(
        'INVALID_FIELD',
        `No such column '${name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    return { path: field.name, field, lookup: null };
  }
  const [relationshipName = '', fieldName = ''] = parts;
  const lookupField = parts.length === 2 ? findRelationship(object, relationshipName) : undefined;
  const parent = lookupField?.referenceTo[0] ? describe(lookupField.referenceTo[0]) : undefined;
  if (!lookupField?.relationshipName || !parent) {
    throw new SoqlError(
      'INVALID_FIELD',
      `Didn't understand relationship '${relationshipName}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const field = findField(parent, fieldName);
  if (!field)
    throw new SoqlError(
      'INVALID_FIELD',
      `No such column '${fieldName}' on entity '${parent.name}'.`,
    );
  return {
    path: `${lookupField.relationshipName}.${field.name}`,
    field,
    lookup: {
      relationshipName: lookupField.relationshipName,
      idField: lookupField.name,
      object: parent.name,
    },
  };
}

const TEXT_TYPES = new Set([
  'id',
  'string',
  'textarea',
  'picklist',
  'phone',
  'email',
  'url',
  'reference',
]);
const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent']);

function acceptsLiteral(field: FieldDescription, literal: Literal): boolean {
  if (literal.kind === 'null') return true;
  if (TEXT_TYPES.has(field.type)) return literal.kind === 'string';
  if (NUMBER_TYPES.has(field.type)) return literal.kind === 'number';
  if (field.type === 'boolean') return literal.kind === 'boolean';
  if (field.type === 'date') return literal.kind === 'date' || literal.kind === 'dateLiteral';
  return literal.kind === 'datetime' || literal.kind === 'dateLiteral';
}

function checkLiteral(path: FieldPath, literal: Literal, op: ComparisonOperator | 'IN'): void {
  if (literal.kind === 'dateLiteral' && !dateLiteralRange(literal.name, literal.n)) {
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${literal.name}'`);
  }
  if (op === 'LIKE' && !TEXT_TYPES.has(path.field.type)) {
    throw new SoqlError(
      'INVALID_QUERY_FILTER_OPERATOR',
      `invalid operator on ${path.field.type} field: ${path.path}`,
    );
  }
  if (!acceptsLiteral(path.field, literal)) {
    throw new SoqlError(
      'INVALID_FIELD',
      `value of filter criterion for field '${path.path}' must be of type ${path.field.type} and should${TEXT_TYPES.has(path.field.type) ? '' : ' not'} be enclosed in quotes`,
    );
  }
}

function resolveCondition(
  condition: SoqlQuery['where'] & object,
  object: ObjectDescription,
  describe: Describe,
): ResolvedCondition {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return {
        kind: condition.kind,
        operands: condition.operands.map((c) => resolveCondition(c, object, describe)),
      };
    case 'not':
      return { kind: 'not', operand: resolveCondition(condition.operand, object, describe) };
    case 'compare': {
      const field = resolvePath(object, condition.field, describe);
      checkLiteral(field, condition.value, condition.op);
      return { ...condition, field };
    }
    case 'in': {
      const field = resolvePath(object, condition.field, describe);
      for (const value of condition.values) checkLiteral(field, value, 'IN');
      return { ...condition, field };
    }
  }
}

export function resolveQuery(query: SoqlQuery, describe: Describe): ResolvedQuery {
  const object = describe(query.object);
  if (!object) {
    throw new SoqlError(
      'INVALID_TYPE',
      `sObject type '${query.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return {
    object,
    count: query.count,
    fields: query.fields.map((name) => resolvePath(object, name, describe)),
    where: query.where ? resolveCondition(query.where, object, describe) : null,
    orderBy: query.orderBy.map((order) => ({
      ...order,
      field: resolvePath(object, order.field, describe),
    })),
    limit: query.limit,
    offset: query.offset,
  };
}
