import { BillomatClient, InProcessRateBudgets, type BudgetSnapshot, type RateBudgets } from '../billomat';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secrets';
import type { Org, Store } from '../store/contract';

const REACHABILITY_CACHE_MS = 5 * 60_000;

/**
 * Billomat clients for registered orgs: opens the sealed credentials, and shares one rate
 * budget per Billomat account between every job, org and status check that spends it.
 */
export class BillomatAccounts {
  private readonly clients = new Map<string, { sealedKey: string; client: BillomatClient }>();
  private readonly budgets: RateBudgets;
  private readonly reachable = new Map<
    string,
    { sealedKey: string; until: number; answer: { reachable: boolean; message: string | null } }
  >();

  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly settings: Config['billomat'],
    private readonly log: Logger,
    budgets?: RateBudgets,
  ) {
    this.budgets = budgets ?? new InProcessRateBudgets();
  }

  clientFor(org: Org): BillomatClient {
    const cached = this.clients.get(org.orgId);
    if (cached && cached.sealedKey === org.billomatApiKeySealed) return cached.client;
    const withApp = org.billomatAppId !== null && org.billomatAppSecretSealed !== null;
    const client = new BillomatClient({
      account: {
        billomatId: org.billomatId,
        apiKey: this.box.open(org.billomatApiKeySealed),
        ...(withApp ? { appId: org.billomatAppId as string, appSecret: this.box.open(org.billomatAppSecretSealed as string) } : {}),
      },
      baseUrlTemplate: this.settings.baseUrlTemplate,
      budget: this.budgets.forAccount(org.billomatId, { withApp }),
      timeoutMs: this.settings.timeoutMs,
      retry: {
        maxAttempts: this.settings.maxAttempts,
        baseDelayMs: this.settings.retryBaseMs,
        maxDelayMs: this.settings.retryMaxMs,
      },
      onEvent: (event) => this.log.debug('billomat', { orgId: org.orgId, billomatId: org.billomatId, ...event }),
    });
    this.clients.set(org.orgId, { sealedKey: org.billomatApiKeySealed, client });
    return client;
  }

  /**
   * Whether Billomat accepts the org's credentials. Cached for a few minutes: every call
   * spends the account's quota, and admins open the status panel often.
   */
  async reachability(org: Org, now = Date.now()): Promise<{ reachable: boolean; message: string | null }> {
    const cached = this.reachable.get(org.orgId);
    if (cached && cached.sealedKey === org.billomatApiKeySealed && cached.until > now) return cached.answer;
    let answer: { reachable: boolean; message: string | null };
    try {
      await this.clientFor(org).myself();
      answer = { reachable: true, message: null };
    } catch (error) {
      answer = { reachable: false, message: error instanceof Error ? error.message : 'Billomat did not answer' };
    }
    this.reachable.set(org.orgId, { sealedKey: org.billomatApiKeySealed, until: now + REACHABILITY_CACHE_MS, answer });
    return answer;
  }

  budgetSnapshot(billomatId: string): BudgetSnapshot {
    return this.budgets.forAccount(billomatId).snapshot();
  }

  /** Orgs whose Billomat account has no calls left in this window: their records wait unclaimed. */
  async orgsWaitingForQuota(now = Date.now()): Promise<string[]> {
    const waiting: string[] = [];
    for (const org of await this.store.listOrgs()) {
      const snapshot = this.budgets.forAccount(org.billomatId).snapshot();
      if (snapshot.remaining !== null && snapshot.remaining <= 0 && snapshot.resetAt !== null && snapshot.resetAt > now) {
        waiting.push(org.orgId);
      }
    }
    return waiting;
  }
}
