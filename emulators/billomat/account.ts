import { ClientBook } from './client-book';
import { Quota } from './rate-window';
import type { EmulatedRequest } from './types';

/** One Billomat account (one subdomain): its key, clients, rate quota and the calls it received. */
export class Account {
  clients: ClientBook;
  quota = new Quota();
  requests: EmulatedRequest[] = [];

  constructor(
    readonly billomatId: string,
    public apiKey: string,
    private readonly nextClientId: () => number,
  ) {
    this.clients = new ClientBook(nextClientId);
  }

  clear(): void {
    this.clients = new ClientBook(this.nextClientId);
    this.quota = new Quota();
    this.requests = [];
  }
}

export class UnknownAccount extends Error {
  constructor(billomatId: string) {
    super(`The emulator has no Billomat account "${billomatId}"`);
  }
}

/** Every account the emulator serves. Client ids are unique across accounts, as in Billomat. */
export class Accounts {
  private readonly byId = new Map<string, Account>();
  private lastClientId = 0;

  constructor(private readonly firstClientId: number) {
    this.lastClientId = firstClientId - 1;
  }

  get(billomatId: string): Account | undefined {
    return this.byId.get(billomatId);
  }

  /** Throws for an unknown account: a typo in a test should fail loudly. */
  require(billomatId: string): Account {
    const account = this.byId.get(billomatId);
    if (!account) throw new UnknownAccount(billomatId);
    return account;
  }

  /** Adds the account, or gives an existing one a new key and keeps its clients. */
  add(billomatId: string, apiKey: string): void {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(billomatId)) {
      throw new Error(`"${billomatId}" is not a Billomat id (letters, digits and hyphens)`);
    }
    if (apiKey === '') throw new Error('An account needs a non-empty API key');
    const existing = this.byId.get(billomatId);
    if (existing) existing.apiKey = apiKey;
    else this.byId.set(billomatId, new Account(billomatId, apiKey, () => this.nextClientId()));
  }

  clearAll(): void {
    this.lastClientId = this.firstClientId - 1;
    for (const account of this.byId.values()) account.clear();
  }

  private nextClientId(): number {
    this.lastClientId += 1;
    return this.lastClientId;
  }
}
