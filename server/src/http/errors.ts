import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { RequestError } from '../errors';

export { RequestError, notFound } from '../errors';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
  limit?: number;
}

function bodyParserError(error: unknown): RequestError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as BodyParserError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new RequestError(400, 'malformed_json', `The request body is not valid JSON: ${e.message ?? 'parse error'}.`);
    case 'entity.too.large':
      return new RequestError(
        413,
        'body_too_large',
        `The request body is larger than the ${Math.round((e.limit ?? 0) / 1024)} KiB this service accepts. Send the records in smaller chunks.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new RequestError(415, 'unsupported_encoding', 'The request body must be UTF-8 JSON.');
    default:
      return null;
  }
}

/** The one error path: 4xx with the caller's message, 5xx logged with a request id and nothing secret. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const requestId = String(res.locals.requestId ?? '');
    const known = error instanceof RequestError ? error : bodyParserError(error);
    if (known) {
      res.status(known.status).json({
        error: { code: known.code, message: known.message, requestId, ...(known.details === undefined ? {} : { details: known.details }) },
      });
      return;
    }
    log.error('request failed', { requestId, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    res.status(500).json({
      error: {
        code: 'internal_error',
        message: `Something went wrong inside the export service. Give the operator this request id: ${requestId}.`,
        requestId,
      },
    });
  };
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new RequestError(404, 'not_found', `There is no ${req.method} ${req.path} in this API.`));
};

/** POST/PUT bodies must be JSON: say so instead of seeing an empty body. */
export const requireJson: RequestHandler = (req, _res, next) => {
  if ((req.method === 'POST' || req.method === 'PUT') && req.headers['content-length'] !== '0' && req.headers['content-type'] !== undefined && !req.is('application/json')) {
    next(new RequestError(415, 'unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json.'));
    return;
  }
  next();
};
