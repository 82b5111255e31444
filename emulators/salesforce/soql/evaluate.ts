import { dateLiteralRange } from './date-literals';
import type { Literal } from './parser';
import type { FieldPath, ResolvedCondition, ResolvedQuery } from './resolve';

export type FieldValue = string | number | boolean | null;
export type FakeRecord = Record<string, FieldValue>;

/** Where the evaluator finds rows and the parents that lookups point to. */
export interface RecordSource {
  rows(objectName: string): Iterable<FakeRecord>;
  byId(objectName: string, id: string): FakeRecord | undefined;
}

export function readPath(record: FakeRecord, path: FieldPath, source: RecordSource): FieldValue {
  if (!path.lookup) return record[path.field.name] ?? null;
  const parentId = record[path.lookup.idField];
  if (typeof parentId !== 'string') return null;
  return source.byId(path.lookup.object, parentId)?.[path.field.name] ?? null;
}

function instant(value: FieldValue): number {
  return typeof value === 'string'
    ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
    : Number.NaN;
}

function compareTo(value: Exclude<FieldValue, null>, literal: Literal): number {
  switch (literal.kind) {
    case 'string':
      return String(value)
        .toLowerCase()
        .localeCompare(literal.value.replace(/\\([_%])/g, '$1').toLowerCase());
    case 'number':
      return Number(value) - literal.value;
    case 'boolean':
      return Number(value === true) - Number(literal.value);
    case 'date':
    case 'datetime':
      return instant(value) - instant(literal.text);
    default:
      return Number.NaN;
  }
}

function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '\\' && (pattern[i + 1] === '_' || pattern[i + 1] === '%')) {
      source += pattern[i + 1];
      i++;
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

function matchesDateLiteral(
  value: FieldValue,
  literal: Extract<Literal, { kind: 'dateLiteral' }>,
  op: string,
): boolean {
  const range = dateLiteralRange(literal.name, literal.n);
  const at = instant(value);
  if (!range || Number.isNaN(at)) return op === '!=';
  switch (op) {
    case '=':
      return at >= range.start && at < range.end;
    case '!=':
      return at < range.start || at >= range.end;
    case '<':
      return at < range.start;
    case '<=':
      return at < range.end;
    case '>':
      return at >= range.end;
    case '>=':
      return at >= range.start;
    default:
      return false;
  }
}

function equals(value: FieldValue, literal: Literal): boolean {
  if (literal.kind === 'null') return value === null;
  if (value === null) return false;
  if (literal.kind === 'dateLiteral') return matchesDateLiteral(value, literal, '=');
  return compareTo(value, literal) === 0;
}

function compare(value: FieldValue, op: string, literal: Literal): boolean {
  if (op === '=') return equals(value, literal);
  // SOQL's != keeps rows whose field is null, unlike SQL.
  if (op === '!=') return !equals(value, literal);
  if (value === null || literal.kind === 'null') return false;
  if (op === 'LIKE')
    return literal.kind === 'string' && likeToRegExp(literal.value).test(String(value));
  if (literal.kind === 'dateLiteral') return matchesDateLiteral(value, literal, op);
  const order = compareTo(value, literal);
  if (Number.isNaN(order)) return false;
  return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
}

export function matches(
  record: FakeRecord,
  condition: ResolvedCondition,
  source: RecordSource,
): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.operands.every((c) => matches(record, c, source));
    case 'or':
      return condition.operands.some((c) => matches(record, c, source));
    case 'not':
      return !matches(record, condition.operand, source);
    case 'compare':
      return compare(readPath(record, condition.field, source), condition.op, condition.value);
    case 'in': {
      const value = readPath(record, condition.field, source);
      const found = condition.values.some((literal) => equals(value, literal));
      return condition.negated ? !found : found;
    }
  }
}

function sortRows(rows: FakeRecord[], query: ResolvedQuery, source: RecordSource): FakeRecord[] {
  if (query.orderBy.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const order of query.orderBy) {
      const left = readPath(a, order.field, source);
      const right = readPath(b, order.field, source);
      if (left === right) continue;
      if (left === null || right === null) return (left === null) === order.nullsLast ? 1 : -1;
      const result =
        typeof left === 'number' && typeof right === 'number'
          ? left - right
          : String(left).localeCompare(String(right));
      if (result !== 0) return order.descending ? -result : result;
    }
    return 0;
  });
}

/** The rows a query selects, in result order, after WHERE, ORDER BY, OFFSET and LIMIT. */
export function selectRows(query: ResolvedQuery, source: RecordSource): FakeRecord[] {
  const rows: FakeRecord[] = [];
  for (const row of source.rows(query.object.name)) {
    if (!query.where || matches(row, query.where, source)) rows.push(row);
  }
  const sorted = sortRows(rows, query, source);
  const start = query.offset ?? 0;
  return sorted.slice(start, query.limit === null ? undefined : start + query.limit);
}
