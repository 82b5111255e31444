import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ApiErrorBody {
  errorCode: string;
  message: string;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** REST API errors: a JSON array with one `{message, errorCode}` object. */
export function sendApiError(res: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(res, status, [{ message: error.message, errorCode: error.errorCode }]);
}

/** OAuth endpoint errors: `{error, error_description}` with HTTP 400. */
export function sendOAuthError(
  res: ServerResponse,
  error: string,
  description: string,
  status = 400,
): void {
  sendJson(res, status, { error, error_description: description });
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain;charset=UTF-8',
): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'content-length': 0 });
  res.end();
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? null;
}
