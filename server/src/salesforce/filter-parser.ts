import { FilterError } from './filter-error';
import type { FilterToken } from './filter-lexer';

export type Literal =
  | { kind: 'string'; body: string }
  | { kind: 'number' | 'date' | 'datetime'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'dateLiteral'; name: string; n: number | null };

export type Condition =
  | { kind: 'and' | 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; field: string; op: string; value: Literal }
  | { kind: 'in'; field: string; negated: boolean; values: Literal[] };

const MAX_DEPTH = 20;
const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'TRUE',
  'FALSE',
  'NULL',
  'SELECT',
  'FROM',
  'WHERE',
  'LIMIT',
  'ORDER',
  'GROUP',
  'HAVING',
  'WITH',
]);
const OPERATORS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);
const FIXED_DATE_LITERALS = new Set([
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'LAST_QUARTER',
  'THIS_QUARTER',
  'NEXT_QUARTER',
  'LAST_YEAR',
  'THIS_YEAR',
  'NEXT_YEAR',
]);
const COUNTED_DATE_LITERAL =
  /^(?:(?:LAST|NEXT)_N_(?:DAYS|WEEKS|MONTHS|QUARTERS|YEARS)|N_(?:DAYS|WEEKS|MONTHS|QUARTERS|YEARS)_AGO)$/;

const TEXT_TYPES = new Set([
  'id',
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'combobox',
  'phone',
  'email',
  'url',
  'reference',
  'encryptedstring',
]);
const NUMBER_TYPES = new Set(['int', 'long', 'double', 'currency', 'percent']);

function describeToken(token: FilterToken): string {
  if (token.kind === 'end') return 'the end of the filter';
  return token.kind === 'string' ? `'${token.body}'` : `'${token.text}'`;
}

/** Field names are looked up lower-cased; the value keeps the allow-list spelling and the describe type. */
export type AllowedFields = Map<string, { name: string; type: string | null }>;

/** Recursive descent over the filter grammar: or := and (OR and)*, and := unary (AND unary)*, unary := NOT unary | ( or ) | comparison. */
export class FilterParser {
  private index = 0;
  private depth = 0;
  readonly usedFields = new Set<string>();

  constructor(
    private readonly tokens: FilterToken[],
    private readonly fields: AllowedFields,
  ) {}

  private peek(): FilterToken {
    return this.tokens[this.index] as FilterToken;
  }

  private next(): FilterToken {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private fail(message: string, token: FilterToken = this.peek()): never {
    throw new FilterError(message, token.at + 1);
  }

  private isWord(word: string, token = this.peek()): boolean {
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index++;
    return true;
  }

  private isPunct(text: string, token = this.peek()): boolean {
    return token.kind === 'punct' && token.text === text;
  }

  parse(): Condition {
    const condition = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      this.fail(
        this.isPunct(')', rest)
          ? 'This closing parenthesis has no opening one'
          : `Expected AND, OR or the end of the filter, found ${describeToken(rest)}`,
      );
    }
    return condition;
  }

  private or(): Condition {
    const operands = [this.and()];
    while (this.acceptWord('OR')) operands.push(this.and());
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'or', operands };
  }

  private and(): Condition {
    const operands = [this.unary()];
    while (this.acceptWord('AND')) operands.push(this.unary());
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'and', operands };
  }

  private unary(): Condition {
    if (++this.depth > MAX_DEPTH) this.fail('The filter is nested too deeply');
    try {
      if (this.acceptWord('NOT')) return { kind: 'not', operand: this.unary() };
      const open = this.peek();
      if (this.isPunct('(')) {
        this.index++;
        if (this.isWord('SELECT')) this.fail('Subqueries are not allowed in a filter');
        const inner = this.or();
        if (!this.isPunct(')'))
          this.fail(
            `The parenthesis at character ${open.at + 1} is never closed; found ${describeToken(this.peek())}`,
          );
        this.index++;
        return inner;
      }
      return this.comparison();
    } finally {
      this.depth--;
    }
  }

  private field(): { name: string; type: string | null } {
    const token = this.next();
    if (token.kind !== 'word' || KEYWORDS.has(token.text.toUpperCase())) {
      if (this.isWord('SELECT', token)) this.fail('Subqueries are not allowed in a filter', token);
      this.fail(`Expected a field name, found ${describeToken(token)}`, token);
    }
    const field = this.fields.get(token.text.toLowerCase());
    if (!field) {
      const known = [...this.fields.values()].map((f) => f.name);
      const list = known.length > 25 ? `${known.slice(0, 25).join(', ')}, …` : known.join(', ');
      this.fail(`Unknown field '${token.text}'; fields you can filter on: ${list}`, token);
    }
    this.usedFields.add(field.name);
    return field;
  }

  private comparison(): Condition {
    const field = this.field();
    const opToken = this.peek();
    if (this.acceptWord('NOT')) {
      if (!this.acceptWord('IN'))
        this.fail(`Expected IN after NOT, found ${describeToken(this.peek())}`);
      return { kind: 'in', field: field.name, negated: true, values: this.list(field) };
    }
    if (this.acceptWord('IN'))
      return { kind: 'in', field: field.name, negated: false, values: this.list(field) };
    if (this.acceptWord('LIKE')) {
      if (field.type && !TEXT_TYPES.has(field.type))
        this.fail(
          `LIKE works on text fields only; '${field.name}' is a ${field.type} field`,
          opToken,
        );
      const value = this.literal(field);
      if (value.kind !== 'string') this.fail(`LIKE needs a text in single quotes`, opToken);
      return { kind: 'compare', field: field.name, op: 'LIKE', value };
    }
    if (opToken.kind !== 'punct' || !OPERATORS.has(opToken.text)) {
      this.fail(
        `Expected an operator (=, !=, <, <=, >, >=, LIKE, IN) after '${field.name}', found ${describeToken(opToken)}`,
        opToken,
      );
    }
    this.index++;
    const op = opToken.text === '<>' ? '!=' : opToken.text;
    const value = this.literal(field);
    if (value.kind === 'null' && op !== '=' && op !== '!=')
      this.fail(`null can only be compared with = or !=`, opToken);
    return { kind: 'compare', field: field.name, op, value };
  }

  private list(field: { name: string; type: string | null }): Literal[] {
    const open = this.peek();
    if (!this.isPunct('('))
      this.fail(`Expected a list in parentheses after IN, found ${describeToken(open)}`);
    this.index++;
    if (this.isWord('SELECT')) this.fail('Subqueries are not allowed in a filter');
    const values = [this.literal(field)];
    while (this.isPunct(',')) {
      this.index++;
      values.push(this.literal(field));
    }
    if (!this.isPunct(')'))
      this.fail(
        `The list that starts at character ${open.at + 1} is never closed; found ${describeToken(this.peek())}`,
      );
    this.index++;
    return values;
  }

  private literal(field: { name: string; type: string | null }): Literal {
    const token = this.next();
    const value = this.literalValue(token);
    this.checkType(field, value, token);
    return value;
  }

  private literalValue(token: FilterToken): Literal {
    switch (token.kind) {
      case 'string':
        return { kind: 'string', body: token.body };
      case 'number':
      case 'date':
      case 'datetime':
        return { kind: token.kind, text: token.text };
      case 'word': {
        const upper = token.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE')
          return { kind: 'boolean', value: upper === 'TRUE' };
        if (upper === 'NULL') return { kind: 'null' };
        if (FIXED_DATE_LITERALS.has(upper)) return { kind: 'dateLiteral', name: upper, n: null };
        if (COUNTED_DATE_LITERAL.test(upper))
          return { kind: 'dateLiteral', name: upper, n: this.count(upper) };
        return this.fail(
          `Expected a value ('text', a number, true, false, null or a date), found '${token.text}'`,
          token,
        );
      }
      default:
        return this.fail(
          `Expected a value ('text', a number, true, false, null or a date), found ${describeToken(token)}`,
          token,
        );
    }
  }

  private count(name: string): number {
    if (!this.isPunct(':')) this.fail(`${name} needs a number, for example ${name}:30`);
    this.index++;
    const token = this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text) || Number(token.text) > 10_000)
      this.fail(`${name} needs a whole number, for example ${name}:30`, token);
    return Number(token.text);
  }

  private checkType(
    field: { name: string; type: string | null },
    value: Literal,
    token: FilterToken,
  ): void {
    const type = field.type;
    if (!type || value.kind === 'null') return;
    const fits = TEXT_TYPES.has(type)
      ? value.kind === 'string'
      : NUMBER_TYPES.has(type)
        ? value.kind === 'number'
        : type === 'boolean'
          ? value.kind === 'boolean'
          : type === 'date'
            ? value.kind === 'date' || value.kind === 'dateLiteral'
            : type === 'datetime'
              ? value.kind === 'datetime' || value.kind === 'dateLiteral'
              : true;
    if (!fits)
      this.fail(
        `'${field.name}' is a ${type} field; ${describeToken(token)} is not a ${type} value`,
        token,
      );
  }
}
