import { Router } from 'express';
import type { Pushes } from '../../jobs/pushes';
import type { Store } from '../../store/contract';
import { currentOrg } from '../auth';
import {
  appendRecordsSchema,
  idempotencyKeySchema,
  jobQuerySchema,
  listQuerySchema,
  pushRequestSchema,
  resultsQuerySchema,
  retryRequestSchema,
  waitQuerySchema,
} from '../schemas';
import { parseInput } from '../validation';

export function pushRoutes(store: Store, pushes: Pushes): Router {
  const router = Router();

  router.post('/pushes', async (req, res) => {
    const idempotencyKey = parseInput(idempotencyKeySchema, req.get('Idempotency-Key'), 'Idempotency-Key');
    const { wait } = parseInput(waitQuerySchema, req.query, 'query');
    const body = parseInput(pushRequestSchema, req.body);
    const org = currentOrg(res);
    const { job } = await pushes.create(org, body, idempotencyKey);
    if (wait !== undefined && wait > 0) {
      const finished = await pushes.waitFor(org, job.jobId, wait);
      const view = await pushes.view(org, finished.jobId, { page: 1, pageSize: 100 });
      res.status(finished.state === 'completed' ? 200 : 202).location(`/v1/pushes/${job.jobId}`).json(view);
      return;
    }
    res.status(202).location(`/v1/pushes/${job.jobId}`).json(await pushes.view(org, job.jobId));
  });

  router.post('/pushes/:jobId/records', async (req, res) => {
    const idempotencyKey = parseInput(idempotencyKeySchema, req.get('Idempotency-Key'), 'Idempotency-Key');
    const body = parseInput(appendRecordsSchema, req.body);
    const org = currentOrg(res);
    const job = await pushes.append(org, String(req.params.jobId), body, idempotencyKey);
    res.status(202).json(await pushes.view(org, job.jobId));
  });

  router.get('/pushes', async (req, res) => {
    const { limit } = parseInput(listQuerySchema, req.query, 'query');
    res.json({ items: await pushes.recent(currentOrg(res), limit) });
  });

  router.get('/pushes/:jobId', async (req, res) => {
    const query = parseInput(jobQuerySchema, req.query, 'query');
    res.json(await pushes.view(currentOrg(res), String(req.params.jobId), query));
  });

  router.post('/pushes/:jobId/retry', async (req, res) => {
    const body = parseInput(retryRequestSchema, req.body ?? {});
    const org = currentOrg(res);
    const { job, retried } = await pushes.retry(org, String(req.params.jobId), body.records);
    res.status(202).json({ ...(await pushes.view(org, job.jobId)), retried });
  });

  router.get('/results', async (req, res) => {
    const { after, limit } = parseInput(resultsQuerySchema, req.query, 'query');
    const items = await store.resultsAfter(currentOrg(res).orgId, after, limit);
    res.json({ items, nextCursor: items.at(-1)?.cursor ?? after });
  });

  return router;
}
