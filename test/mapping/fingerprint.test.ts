import { describe, expect, it } from 'vitest';
import { customerFingerprint } from '../../server/src/mapping';

describe('customerFingerprint', () => {
  it('is a sha256 hex digest', () => {
    expect(customerFingerprint({ name: 'Acme' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same customer whatever the order of its fields', () => {
    const a = customerFingerprint({ name: 'Acme', city: 'Bonn', due_days: 14, country_code: 'DE' });
    const b = customerFingerprint({ country_code: 'DE', due_days: 14, city: 'Bonn', name: 'Acme' });
    expect(a).toBe(b);
  });

  it('is the same on every call, so it can be stored and compared later', () => {
    expect(customerFingerprint({ name: 'Acme', zip: '53111' })).toBe(
      customerFingerprint({ name: 'Acme', zip: '53111' }),
    );
  });

  it('changes when a value changes', () => {
    const before = customerFingerprint({ name: 'Acme', city: 'Bonn' });
    expect(customerFingerprint({ name: 'Acme', city: 'Köln' })).not.toBe(before);
    expect(customerFingerprint({ name: 'Acme', city: 'bonn' })).not.toBe(before);
  });

  it('changes when a field is added or removed', () => {
    const before = customerFingerprint({ name: 'Acme', city: 'Bonn' });
    expect(customerFingerprint({ name: 'Acme' })).not.toBe(before);
    expect(customerFingerprint({ name: 'Acme', city: 'Bonn', zip: '53111' })).not.toBe(before);
  });

  it('tells a number from the same digits as text', () => {
    expect(customerFingerprint({ name: 'Acme', due_days: 14 })).not.toBe(
      customerFingerprint({ name: 'Acme', due_days: '14' }),
    );
  });

  it('does not mix up a value moved to another field', () => {
    expect(customerFingerprint({ name: 'Acme', city: 'Bonn' })).not.toBe(
      customerFingerprint({ name: 'Acme', state: 'Bonn' }),
    );
  });

  it('ignores fields that are present but undefined, as they are not sent', () => {
    expect(customerFingerprint({ name: 'Acme', city: undefined })).toBe(
      customerFingerprint({ name: 'Acme' }),
    );
  });
});
