import type { Connection } from 'jsforce';

/** Fresh tokens a connection may ask for within a minute before it gives up. */
export const MAX_SESSION_REFRESHES = 3;
const WINDOW_MS = 60_000;

/**
 * jsforce answers every 401 with a token refresh and the same request again, without limit: an
 * org that rejects even fresh tokens would keep a pull refreshing forever. Past the limit the
 * connection stops refreshing, so Salesforce's own INVALID_SESSION_ID reaches the caller.
 */
export class RefreshLimit {
  private readonly refreshes: number[] = [];

  constructor(private readonly connection: () => Connection | undefined) {}

  record(now = Date.now()): void {
    this.refreshes.push(now);
    while ((this.refreshes[0] ?? now) < now - WINDOW_MS) this.refreshes.shift();
    const conn = this.connection();
    if (conn && this.refreshes.length >= MAX_SESSION_REFRESHES) conn._refreshDelegate = undefined;
  }
}
