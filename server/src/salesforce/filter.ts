import { FilterError } from './filter-error';
import { tokenizeFilter } from './filter-lexer';
import { FilterParser, type AllowedFields, type Condition, type Literal } from './filter-parser';

export { FilterError } from './filter-error';

declare const validated: unique symbol;

/** A filter that passed parseFilter: canonical SOQL for a WHERE clause, safe to append to a query. */
export interface ValidatedFilter {
  readonly soql: string;
  /** The fields it reads, as named in the allow-list. */
  readonly fields: readonly string[];
  readonly [validated]: true;
}

/** A field the filter may use; with a describe type, values are checked against it too. */
export type FilterableField = string | { name: string; type: string };

const MAX_LENGTH = 4000;

function renderLiteral(value: Literal): string {
  switch (value.kind) {
    case 'string':
      return `'${value.body}'`;
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'dateLiteral':
      return value.n === null ? value.name : `${value.name}:${value.n}`;
    default:
      return value.text;
  }
}

function render(condition: Condition): string {
  switch (condition.kind) {
    case 'and':
      return condition.operands
        .map((c) => (c.kind === 'or' ? `(${render(c)})` : render(c)))
        .join(' AND ');
    case 'or':
      // SOQL refuses AND and OR side by side without parentheses, so nested groups always get them.
      return condition.operands
        .map((c) => (c.kind === 'and' ? `(${render(c)})` : render(c)))
        .join(' OR ');
    case 'not':
      return `NOT (${render(condition.operand)})`;
    case 'compare':
      return `${condition.field} ${condition.op} ${renderLiteral(condition.value)}`;
    case 'in':
      return `${condition.field} ${condition.negated ? 'NOT IN' : 'IN'} (${condition.values.map(renderLiteral).join(', ')})`;
  }
}

function fieldMap(allowedFields: readonly FilterableField[]): AllowedFields {
  const map: AllowedFields = new Map();
  for (const entry of allowedFields) {
    const field =
      typeof entry === 'string'
        ? { name: entry, type: null }
        : { name: entry.name, type: entry.type.toLowerCase() };
    map.set(field.name.toLowerCase(), field);
  }
  return map;
}

/**
 * Checks a `--where` narrowing against a small SOQL grammar (Field op value, AND/OR/NOT, parentheses)
 * and an allow-list of fields, and renders it again from the parse tree. Nothing of the input reaches
 * Salesforce except through that rendering, so quotes, comments, semicolons or subqueries cannot.
 */
export function parseFilter(
  text: string,
  allowedFields: readonly FilterableField[],
): ValidatedFilter {
  if (text.length > MAX_LENGTH)
    throw new FilterError(`The filter is longer than ${MAX_LENGTH} characters`, MAX_LENGTH + 1);
  if (text.trim() === '') throw new FilterError('The filter is empty', 1);
  const parser = new FilterParser(tokenizeFilter(text), fieldMap(allowedFields));
  const condition = parser.parse();
  return { soql: render(condition), fields: [...parser.usedFields] } as unknown as ValidatedFilter;
}
