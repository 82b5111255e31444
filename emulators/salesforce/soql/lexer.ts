import { SoqlError } from './errors';

export type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'date'; text: string; at: number }
  | { kind: 'datetime'; text: string; at: number }
  | { kind: 'punct'; text: string; at: number }
  | { kind: 'end'; at: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?\d+(?:\.\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const PUNCT = /^(?:!=|<>|<=|>=|[(),=<>:])/;

// Salesforce keeps \_ and \% as two characters so LIKE can tell them from wildcards.
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  _: '\\_',
  '%': '\\%',
};

function readString(soql: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < soql.length) {
    const char = soql[i] as string;
    if (char === "'") return { value, end: i + 1 };
    if (char === '\\') {
      const escaped = ESCAPES[soql[i + 1] ?? ''];
      if (escaped === undefined)
        throw new SoqlError(
          'MALFORMED_QUERY',
          `Invalid string literal '${soql.slice(start, i + 2)}'. Illegal character sequence '\\${soql[i + 1] ?? ''}' in string literal.`,
        );
      value += escaped;
      i += 2;
      continue;
    }
    value += char;
    i++;
  }
  throw new SoqlError(
    'MALFORMED_QUERY',
    `line 1:${start} mismatched character '<EOF>' expecting '''`,
  );
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const rest = soql.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "'") {
      const { value, end } = readString(soql, i);
      tokens.push({ kind: 'string', value, at: i });
      i = end;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    const date = datetime ? null : DATE.exec(rest);
    const number = datetime || date ? null : NUMBER.exec(rest);
    const word = WORD.exec(rest);
    const punct = PUNCT.exec(rest);
    if (datetime) tokens.push({ kind: 'datetime', text: datetime[0], at: i });
    else if (date) tokens.push({ kind: 'date', text: date[0], at: i });
    else if (number)
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], at: i });
    else if (word) tokens.push({ kind: 'word', text: word[0], at: i });
    else if (punct) tokens.push({ kind: 'punct', text: punct[0], at: i });
    else
      throw new SoqlError(
        'MALFORMED_QUERY',
        `line 1:${i} no viable alternative at character '${rest[0] ?? ''}'`,
      );
    const length = (datetime ?? date ?? number ?? word ?? punct)?.[0].length ?? 1;
    i += length;
  }
  tokens.push({ kind: 'end', at: soql.length });
  return tokens;
}
