import { Router } from 'express';
import { OBJECT_TYPES } from '../../mapping';
import type { BillomatAccounts } from '../../orgs/billomat-accounts';
import type { Store } from '../../store/contract';
import { identifiedOrg, identifyOrg } from '../auth';

export const SERVICE_VERSION = '0.1.0';

export function statusRoutes(store: Store, accounts: BillomatAccounts): Router {
  const router = Router();
  // Answers without a valid token too, so an admin can tell "service down" from "org not registered".
  router.get('/status', identifyOrg(store), async (_req, res) => {
    const { org, problem } = identifiedOrg(res);
    if (!org) {
      res.json({
        service: { status: 'ok', version: SERVICE_VERSION, store: store.kind },
        org: { orgId: null, registered: false, billomatId: null, message: problem },
        billomat: null,
        mappings: null,
      });
      return;
    }
    const mappings: Record<string, { saved: boolean; version: number | null }> = {};
    for (const objectType of OBJECT_TYPES) {
      const saved = await store.latestMapping(org.orgId, objectType);
      mappings[objectType] = { saved: saved !== null, version: saved?.version ?? null };
    }
    res.json({
      service: { status: 'ok', version: SERVICE_VERSION, store: store.kind },
      org: { orgId: org.orgId, registered: true, billomatId: org.billomatId },
      billomat: await accounts.reachability(org),
      mappings,
    });
  });
  return router;
}
