import type { z } from 'zod';
import { RequestError } from '../errors';

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

/** Parses input with a zod schema; a failure becomes a 400 naming each problem's place. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = 'request body'): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 50).map((issue) => ({
    path: pathText(issue.path) || what,
    message: issue.message,
  }));
  const first = details[0];
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
  throw new RequestError(400, 'invalid_request', `${first ? `${first.path}: ${first.message}` : `Invalid ${what}`}${more}.`, details);
}
