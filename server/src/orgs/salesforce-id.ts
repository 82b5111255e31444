const ID_15 = /^[a-zA-Z0-9]{15}$/;
const ID_18 = /^[a-zA-Z0-9]{18}$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** A Salesforce record or org id in its case-insensitive 18-character form, or null. */
export function salesforceId18(id: string): string | null {
  if (ID_18.test(id)) {
    const head = id.slice(0, 15);
    return id.slice(15).toUpperCase() === checksum(head) ? head + checksum(head) : null;
  }
  if (ID_15.test(id)) return id + checksum(id);
  return null;
}

function checksum(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

export function isOrgId(id: string): boolean {
  return salesforceId18(id)?.startsWith('00D') ?? false;
}
