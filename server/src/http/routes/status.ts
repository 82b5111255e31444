import { Router } from 'express';
import { OBJECT_TYPES } from '../../mapping';
import type { BillomatAccounts } from '../../orgs/billomat-accounts';
import type { Store } from '../../store/contract';
import { currentOrg } from '../auth';

export const SERVICE_VERSION = '0.1.0';

export function statusRoutes(store: Store, accounts: BillomatAccounts): Router {
  const router = Router();
  router.get('/status', async (_req, res) => {
    const org = currentOrg(res);
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
