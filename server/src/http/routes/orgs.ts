import { Router } from 'express';
import { RequestError } from '../../errors';
import { orgRegistrationSchema, type OrgRegistry } from '../../orgs/registry';
import { parseInput } from '../validation';

/** Operator endpoints: register orgs. Mounted behind the operator token. */
export function orgRoutes(registry: OrgRegistry): Router {
  const router = Router();
  router.post('/orgs', async (req, res) => {
    const registration = parseInput(orgRegistrationSchema, req.body);
    const outcome = await registry.register(registration);
    if (outcome.kind === 'exists') {
      throw new RequestError(409, 'org_exists', `The org ${outcome.orgId} is already registered. Rotate its token with the CLI (org rotate-token) if it was lost.`);
    }
    res.status(201).json({ orgId: outcome.orgId, apiToken: outcome.apiToken });
  });
  router.get('/orgs', async (_req, res) => {
    const orgs = await registry.list();
    res.json({ items: orgs.map((org) => ({ orgId: org.orgId, billomatId: org.billomatId, createdAt: org.createdAt })) });
  });
  return router;
}
