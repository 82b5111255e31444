import type { FieldValue } from './soql/evaluate';

export const COLUMN_DELIMITERS: Record<string, string> = {
  COMMA: ',',
  SEMICOLON: ';',
  PIPE: '|',
  TAB: '\t',
  CARET: '^',
  BACKQUOTE: '`',
};

function cell(value: FieldValue): string {
  const text = value === null ? '' : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV line as Bulk API 2.0 writes it: every value quoted, nulls as empty strings. */
export function csvLine(values: FieldValue[], delimiter: string, lineEnding: string): string {
  return values.map(cell).join(delimiter) + lineEnding;
}
