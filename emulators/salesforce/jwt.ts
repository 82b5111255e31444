import { createPublicKey, verify } from 'node:crypto';
import type { FakeContext } from './context';
import type { FakeUser } from './org';

export type AssertionCheck =
  { ok: true; user: FakeUser } | { ok: false; error: string; description: string };

interface Claims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  exp?: unknown;
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function signatureValid(ctx: FakeContext, signed: string, signature: string): boolean {
  if (!ctx.app.jwtPublicKeyPem) return false;
  try {
    return verify(
      'RSA-SHA256',
      Buffer.from(signed),
      createPublicKey(ctx.app.jwtPublicKeyPem),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

const invalid = (description: string): AssertionCheck => ({
  ok: false,
  error: 'invalid_grant',
  description,
});

/** Checks a JWT bearer assertion the way Salesforce does: RS256 signature, iss, aud, sub, exp. */
export function checkAssertion(ctx: FakeContext, assertion: string): AssertionCheck {
  const [headerPart = '', claimsPart = '', signature = '', ...extra] = assertion.split('.');
  const header = decodeJson(headerPart);
  const claims = decodeJson(claimsPart) as Claims | null;
  if (extra.length > 0 || !header || !claims || header.alg !== 'RS256')
    return invalid('invalid assertion');
  if (!signatureValid(ctx, `${headerPart}.${claimsPart}`, signature))
    return invalid('invalid assertion');
  if (claims.iss !== ctx.app.clientId)
    return { ok: false, error: 'invalid_client_id', description: 'client identifier invalid' };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(ctx.url)) return invalid('audience is invalid');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
    return invalid('expired authorization code');
  const user = ctx.users.find((u) => u.username === claims.sub);
  if (!user) return invalid("user hasn't approved this consumer");
  return { ok: true, user };
}
