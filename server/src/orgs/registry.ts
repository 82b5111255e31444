import { z } from 'zod';
import type { SecretBox } from '../security/secrets';
import { hashToken, newApiToken } from '../security/secrets';
import type { Org, Store } from '../store/contract';
import { salesforceId18 } from './salesforce-id';

/** Registering an org: its Billomat credentials (sealed) and a fresh API token (hash only kept). */

export const orgRegistrationSchema = z.object({
  orgId: z
    .string()
    .refine((id) => salesforceId18(id)?.startsWith('00D') ?? false, {
      message: 'must be a Salesforce org id (15 or 18 characters, starting with 00D)',
    }),
  billomatId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, 'must be the Billomat account id, the part before .billomat.net'),
  billomatApiKey: z.string().min(8, 'must be the Billomat API key (Settings → Administration → API)').max(200),
  billomatAppId: z.string().min(1).max(200).optional(),
  billomatAppSecret: z.string().min(1).max(200).optional(),
}).refine((r) => (r.billomatAppId === undefined) === (r.billomatAppSecret === undefined), {
  message: 'billomatAppId and billomatAppSecret go together',
  path: ['billomatAppSecret'],
});

export type OrgRegistration = z.infer<typeof orgRegistrationSchema>;

export type RegisterOutcome = { kind: 'registered'; orgId: string; apiToken: string } | { kind: 'exists'; orgId: string };

export class OrgRegistry {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  async register(registration: OrgRegistration): Promise<RegisterOutcome> {
    const orgId = salesforceId18(registration.orgId) as string;
    const apiToken = newApiToken();
    const outcome = await this.store.addOrg({ orgId, ...this.sealed(registration), tokenHash: hashToken(apiToken) });
    return outcome === 'added' ? { kind: 'registered', orgId, apiToken } : { kind: 'exists', orgId };
  }

  /** New Billomat credentials for a registered org; unblocks its jobs. */
  async updateCredentials(registration: OrgRegistration): Promise<{ updated: boolean; unblockedJobs: number }> {
    const orgId = salesforceId18(registration.orgId) as string;
    const updated = await this.store.updateOrgCredentials(orgId, this.sealed(registration));
    const unblockedJobs = updated ? await this.store.unblockJobsOfOrg(orgId) : 0;
    return { updated, unblockedJobs };
  }

  /** A new API token; the old one stops working at once. */
  async rotateToken(orgIdInput: string): Promise<string | null> {
    const orgId = salesforceId18(orgIdInput);
    if (!orgId) return null;
    const apiToken = newApiToken();
    return (await this.store.replaceOrgToken(orgId, hashToken(apiToken))) ? apiToken : null;
  }

  async list(): Promise<Org[]> {
    return this.store.listOrgs();
  }

  private sealed(registration: OrgRegistration) {
    return {
      billomatId: registration.billomatId.toLowerCase(),
      billomatApiKeySealed: this.box.seal(registration.billomatApiKey),
      billomatAppId: registration.billomatAppId ?? null,
      billomatAppSecretSealed: registration.billomatAppSecret ? this.box.seal(registration.billomatAppSecret) : null,
    };
  }
}
