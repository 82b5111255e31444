import type { FakeOrg } from '../org/fake-org';
import type { AsyncJobs } from './async-jobs';
import type { ServiceClient } from './service-client';

/** What the Apex classes reach: the org's data, the export service (through the Named Credential), async jobs. */
export interface ApexContext {
  org: FakeOrg;
  client: ServiceClient;
  jobs: AsyncJobs;
}
