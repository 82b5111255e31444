import { Router, type Request } from 'express';
import { RequestError } from '../../errors';
import type { Logger } from '../../logger';
import type {
  CallbackParameters,
  SalesforceAuthorizations,
} from '../../orgs/salesforce-authorizations';
import { CALLBACK_PAGE_HEADERS, renderCallbackPage, type CallbackPage } from '../callback-page';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parametersOf(req: Request): CallbackParameters {
  const q = req.query;
  const code = text(q.code);
  const state = text(q.state);
  const error = text(q.error);
  const errorDescription = text(q.error_description);
  return {
    ...(code ? { code } : {}),
    ...(state ? { state } : {}),
    ...(error ? { error } : {}),
    ...(errorDescription ? { errorDescription } : {}),
  };
}

function fixStepsOf(error: RequestError): string[] {
  const details = error.details as { fixSteps?: unknown } | undefined;
  return Array.isArray(details?.fixSteps) ? details.fixSteps.map(String) : [];
}

/**
 * Public: Salesforce sends the admin's browser here with `code` and `state` (or `error`). It
 * answers a page for people, never JSON; the state ties the request to one started connection.
 */
export function oauthCallbackRoutes(authorizations: SalesforceAuthorizations, log: Logger): Router {
  const router = Router();
  router.get('/oauth/callback', async (req, res) => {
    let page: CallbackPage;
    try {
      const connected = await authorizations.complete(parametersOf(req));
      page = {
        status: 200,
        title: 'Salesforce connected',
        message: `Connected org ${connected.orgId} as ${connected.username} — you can close this window.`,
        fixSteps: [],
      };
    } catch (error) {
      if (error instanceof RequestError) {
        page = {
          status: error.status,
          title: 'Salesforce was not connected',
          message: error.message,
          fixSteps: fixStepsOf(error),
        };
      } else {
        const requestId = String(res.locals.requestId ?? '');
        log.error('oauth callback failed', {
          requestId,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        page = {
          status: 500,
          title: 'Salesforce was not connected',
          message: `Something went wrong inside the export service. Give the operator this request id: ${requestId}.`,
          fixSteps: [],
        };
      }
    }
    res.status(page.status).set(CALLBACK_PAGE_HEADERS).send(renderCallbackPage(page));
  });
  return router;
}
