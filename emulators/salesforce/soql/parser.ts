import { SoqlError } from './errors';
import { tokenize, type Token } from './lexer';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; text: string }
  | { kind: 'datetime'; text: string }
  | { kind: 'dateLiteral'; name: string; n: number | null };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';

export type Condition =
  | { kind: 'and' | 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; field: string; op: ComparisonOperator; value: Literal }
  | { kind: 'in'; field: string; negated: boolean; values: Literal[] };

export interface OrderBy {
  field: string;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  object: string;
  count: boolean;
  fields: string[];
  where: Condition | null;
  orderBy: OrderBy[];
  limit: number | null;
  offset: number | null;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', at: 0 };
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private unexpected(token: Token = this.peek()): never {
    if (token.kind === 'end') throw new SoqlError('MALFORMED_QUERY', 'unexpected token: <EOF>');
    throw new SoqlError(
      'MALFORMED_QUERY',
      `unexpected token: '${token.kind === 'string' ? token.value : token.text}'`,
    );
  }

  private isKeyword(keyword: string, token: Token = this.peek()): boolean {
    return token.kind === 'word' && token.text.toUpperCase() === keyword;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(keyword)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) this.unexpected();
  }

  private acceptPunct(text: string): boolean {
    const token = this.peek();
    if (token.kind !== 'punct' || token.text !== text) return false;
    this.index++;
    return true;
  }

  private expectPunct(text: string): void {
    if (!this.acceptPunct(text)) this.unexpected();
  }

  private fieldName(): string {
    const token = this.next();
    if (token.kind !== 'word' || RESERVED.has(token.text.toUpperCase())) this.unexpected(token);
    return token.text;
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0)
      this.unexpected(token);
    return token.value;
  }

  query(): SoqlQuery {
    this.expectKeyword('SELECT');
    let count = false;
    const fields: string[] = [];
    if (this.isKeyword('COUNT') && this.tokens[this.index + 1]?.kind === 'punct') {
      this.index++;
      this.expectPunct('(');
      this.expectPunct(')');
      count = true;
    } else {
      do fields.push(this.fieldName());
      while (this.acceptPunct(','));
    }
    this.expectKeyword('FROM');
    const object = this.fieldName();
    const where = this.acceptKeyword('WHERE') ? this.orCondition() : null;
    const orderBy: OrderBy[] = [];
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      do orderBy.push(this.orderItem());
      while (this.acceptPunct(','));
    }
    const limit = this.acceptKeyword('LIMIT') ? this.integer() : null;
    const offset = this.acceptKeyword('OFFSET') ? this.integer() : null;
    if (this.peek().kind !== 'end') this.unexpected();
    return { object, count, fields, where, orderBy, limit, offset };
  }

  private orderItem(): OrderBy {
    const field = this.fieldName();
    const descending = this.acceptKeyword('DESC') ? true : (this.acceptKeyword('ASC'), false);
    let nullsLast = descending;
    if (this.acceptKeyword('NULLS')) {
      if (this.acceptKeyword('LAST')) nullsLast = true;
      else {
        this.expectKeyword('FIRST');
        nullsLast = false;
      }
    }
    return { field, descending, nullsLast };
  }

  private orCondition(): Condition {
    const operands = [this.andCondition()];
    while (this.acceptKeyword('OR')) operands.push(this.andCondition());
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'or', operands };
  }

  private andCondition(): Condition {
    const operands = [this.unaryCondition()];
    while (this.acceptKeyword('AND')) operands.push(this.unaryCondition());
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'and', operands };
  }

  private unaryCondition(): Condition {
    if (this.acceptKeyword('NOT')) return { kind: 'not', operand: this.unaryCondition() };
    if (this.acceptPunct('(')) {
      const inner = this.orCondition();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const field = this.fieldName();
    if (this.acceptKeyword('NOT')) {
      this.expectKeyword('IN');
      return { kind: 'in', field, negated: true, values: this.literalList() };
    }
    if (this.acceptKeyword('IN'))
      return { kind: 'in', field, negated: false, values: this.literalList() };
    if (this.acceptKeyword('LIKE'))
      return { kind: 'compare', field, op: 'LIKE', value: this.literal() };
    const token = this.next();
    if (token.kind !== 'punct' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(token.text))
      this.unexpected(token);
    const op = (token.text === '<>' ? '!=' : token.text) as ComparisonOperator;
    return { kind: 'compare', field, op, value: this.literal() };
  }

  private literalList(): Literal[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.acceptPunct(',')) values.push(this.literal());
    this.expectPunct(')');
    return values;
  }

  private literal(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'date':
        return { kind: 'date', text: token.text };
      case 'datetime':
        return { kind: 'datetime', text: token.text };
      case 'word': {
        const upper = token.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE')
          return { kind: 'boolean', value: upper === 'TRUE' };
        if (upper === 'NULL') return { kind: 'null' };
        if (this.acceptPunct(':')) return { kind: 'dateLiteral', name: upper, n: this.integer() };
        return { kind: 'dateLiteral', name: upper, n: null };
      }
      default:
        return this.unexpected(token);
    }
  }
}

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ORDER',
  'BY',
  'LIMIT',
  'OFFSET',
  'NULL',
  'TRUE',
  'FALSE',
  'GROUP',
  'HAVING',
  'WITH',
  'NULLS',
]);

export function parseSoql(soql: string): SoqlQuery {
  return new Parser(tokenize(soql)).query();
}
