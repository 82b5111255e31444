const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes Salesforce uses for the objects the fake knows. */
export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  User: '005',
  Organization: '00D',
  QueryLocator: '01g',
  BulkJob: '750',
} as const;

function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/** The three-character suffix that makes a 15-character id case-insensitive (the 18-character form). */
function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15[chunk * 5 + i] ?? '';
      if (char >= 'A' && char <= 'Z') flags |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[flags];
  }
  return suffix;
}

/** An 18-character Salesforce id: key prefix, pod "5g", a reserved "0", a base-62 counter and the checksum. */
export function salesforceId(prefix: string, counter: number): string {
  const id15 = `${prefix}5g0${base62(counter, 9)}`;
  return id15 + checksum(id15);
}
