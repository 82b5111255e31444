import path from 'node:path';
import express, { type Express } from 'express';
import { apexRoutes } from './apex-adapter';
import type { ApexContext } from './apex/context';
import { accountListPage, componentPage } from './pages';
import { recordRoutes } from './record-routes';

/** The preview's web server: the pages, the built components, the SLDS assets and the Apex and UI API stand-ins. */

const SLDS_ASSETS = path.resolve(
  __dirname,
  '..',
  'node_modules',
  '@salesforce-ux',
  'design-system',
  'assets',
);
const RECORD_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

export const ADMIN_PATH = '/lightning/n/Billomat_Export';
export const ACCOUNTS_PATH = '/lightning/o/Account/list';

export function recordPath(recordId: string): string {
  return `/lightning/r/Account/${recordId}/view`;
}

export function createPreviewApp(
  ctx: ApexContext,
  buildDir: string,
  log: (line: string) => void,
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/app', express.static(buildDir, { maxAge: 0 }));
  app.use('/assets', express.static(SLDS_ASSETS, { maxAge: '1h' }));
  app.use(apexRoutes(ctx, log));
  app.use(recordRoutes(ctx.org));

  app.get('/', (_req, res) => res.redirect(ADMIN_PATH));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.get(ADMIN_PATH, (_req, res) =>
    res.type('html').send(componentPage('Billomat Export', 'admin')),
  );
  app.get(ACCOUNTS_PATH, (_req, res) => res.type('html').send(accountListPage(ctx.org)));
  app.get('/lightning/r/Account/:id/view', (req, res) => {
    const record = ctx.org.find(String(req.params.id));
    if (!record || ctx.org.objectTypeOf(record.Id) !== 'Account') {
      res.status(404).type('text').send('There is no Account with this id in the preview org.');
      return;
    }
    res.type('html').send(componentPage(String(record.Name), 'record', record.Id));
  });
  // Links such as the push results' "/001…" open the record, as they do in Salesforce.
  app.get('/:id', (req, res, next) => {
    const id = String(req.params.id);
    if (!RECORD_ID.test(id) || ctx.org.objectTypeOf(id) !== 'Account' || !ctx.org.find(id))
      return next();
    res.redirect(recordPath(id));
  });
  return app;
}
