import type { Connection } from 'jsforce';
import type { SalesforceFake } from '../../emulators/salesforce';
import { connectWithRefreshToken } from '../../server/src/salesforce';

/** A jsforce connection to the fake for a stored session, as the service builds it for a connected org. */
export function connectToFake(
  fake: SalesforceFake,
  username?: string,
  onRefresh?: (accessToken: string) => void,
): Connection {
  const session = fake.createSession(username);
  return connectWithRefreshToken({
    loginUrl: fake.url,
    allowedLoginUrls: [fake.url],
    clientId: fake.connectedApp.clientId,
    clientSecret: fake.connectedApp.clientSecret,
    instanceUrl: session.instanceUrl,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    onRefresh,
  });
}
