import { FilterError } from './filter-error';

export type FilterToken =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; body: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'date'; text: string; at: number }
  | { kind: 'datetime'; text: string; at: number }
  | { kind: 'punct'; text: string; at: number }
  | { kind: 'end'; at: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const NUMBER = /^-?\d+(?:\.\d+)?/;
const WORD = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?/;
const PUNCT = /^(?:!=|<>|<=|>=|[(),=<>:])/;

/** Escapes SOQL allows in a string literal; the body keeps them escaped, so \_ and \% stay literal for LIKE. */
const ALLOWED_ESCAPES = new Set(['\\', "'", '"', 'n', 'r', 't', 'b', 'f', '_', '%']);

function readString(text: string, start: number): { body: string; end: number } {
  let body = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === "'") return { body, end: i + 1 };
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined || !ALLOWED_ESCAPES.has(next)) {
        throw new FilterError(
          `'\\${next ?? ''}' is not an escape sequence SOQL knows; write \\\\ for a backslash`,
          i + 1,
        );
      }
      body += next === '"' ? '"' : `\\${next}`;
      i += 2;
      continue;
    }
    if (char === '\n' || char === '\r') body += char === '\n' ? '\\n' : '\\r';
    else body += char;
    i++;
  }
  throw new FilterError('The text that starts here has no closing quote', start + 1);
}

function validCalendarDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function refuseSyntax(rest: string, at: number): void {
  if (rest.startsWith(';')) throw new FilterError('A semicolon cannot appear in a filter', at + 1);
  if (rest.startsWith('--') || rest.startsWith('/*') || rest.startsWith('//'))
    throw new FilterError('Comments are not allowed in a filter', at + 1);
  if (rest.startsWith('"'))
    throw new FilterError("Text goes in single quotes ('…'), not double quotes", at + 1);
}

export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    refuseSyntax(rest, i);
    if (rest[0] === "'") {
      const { body, end } = readString(text, i);
      tokens.push({ kind: 'string', body, at: i });
      i = end;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    const date = datetime ? null : DATE.exec(rest);
    if ((datetime || date) && !validCalendarDate(rest))
      throw new FilterError(`'${rest.slice(0, 10)}' is not a calendar date`, i + 1);
    const number = datetime || date ? null : NUMBER.exec(rest);
    const word = WORD.exec(rest);
    const punct = PUNCT.exec(rest);
    const match = datetime ?? date ?? number ?? word ?? punct;
    if (!match) throw new FilterError(`'${rest[0] ?? ''}' cannot appear in a filter`, i + 1);
    const kind = datetime
      ? 'datetime'
      : date
        ? 'date'
        : number
          ? 'number'
          : word
            ? 'word'
            : 'punct';
    if (kind !== 'punct' && /^[A-Za-z0-9_]/.test(text[i + match[0].length] ?? '')) {
      throw new FilterError(
        `'${rest.split(/[\s(),]/)[0] ?? ''}' is not a field, value or operator`,
        i + 1,
      );
    }
    tokens.push({ kind, text: match[0], at: i });
    i += match[0].length;
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}
