import { Router } from 'express';
import { z } from 'zod';
import type { SalesforceAuthorizations } from '../../orgs/salesforce-authorizations';
import type { SalesforceConnections } from '../../orgs/salesforce-connections';
import { parseInput } from '../validation';

/** Bodies of the Salesforce operator endpoints; docs/openapi.yaml describes the same (a test checks). */

const loginUrl = z
  .string()
  .min(1)
  .max(300)
  .describe("'production', 'sandbox' or the My Domain address");

export const authorizeRequestSchema = z.strictObject({
  loginUrl: loginUrl.default('production'),
});

export const jwtConnectRequestSchema = z.strictObject({
  loginUrl: loginUrl.default('production'),
  clientId: z.string().min(1).max(300),
  username: z.string().min(3).max(200),
  privateKeyPem: z.string().min(100, 'must be the PEM text of the private key').max(20_000),
});

/** Operator endpoints that connect an org to Salesforce and check its API access. Mounted behind the operator token. */
export function salesforceRoutes(
  connections: SalesforceConnections,
  authorizations: SalesforceAuthorizations,
): Router {
  const router = Router();
  router.post('/orgs/:orgId/salesforce/authorize', async (req, res) => {
    const body = parseInput(authorizeRequestSchema, req.body ?? {});
    res.json(await authorizations.start(req.params.orgId, body.loginUrl));
  });
  router.post('/orgs/:orgId/salesforce/jwt', async (req, res) => {
    const body = parseInput(jwtConnectRequestSchema, req.body ?? {});
    res.json(await connections.connectJwt(req.params.orgId, body));
  });
  router.get('/orgs/:orgId/access', async (req, res) => {
    res.json(await connections.checkAccess(req.params.orgId));
  });
  return router;
}
