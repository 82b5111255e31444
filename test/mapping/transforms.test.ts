import { describe, expect, it } from 'vitest';
import { TRANSFORMS, TRANSFORM_CATALOGUE, TRANSFORM_NAMES } from '../../server/src/mapping';
import type { TransformOutcome } from '../../server/src/mapping/transforms';

function valueOf(outcome: TransformOutcome): string {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.error('it')}`);
  return outcome.value;
}

describe('the transform catalogue', () => {
  it('offers every transform name with a label and a help text for the editor', () => {
    expect(TRANSFORM_CATALOGUE.map((t) => t.name)).toEqual([...TRANSFORM_NAMES]);
    for (const transform of TRANSFORM_CATALOGUE) {
      expect(transform.label.length).toBeGreaterThan(0);
      expect(transform.help.length).toBeGreaterThan(10);
    }
  });
});

describe('the country transform', () => {
  it('turns English and German names and codes into the alpha-2 code', () => {
    expect(valueOf(TRANSFORMS.country.apply('Deutschland'))).toBe('DE');
    expect(valueOf(TRANSFORMS.country.apply('United States'))).toBe('US');
    expect(valueOf(TRANSFORMS.country.apply('CHN'))).toBe('CN');
  });

  it('rejects a country it does not recognise with a message that says what to write', () => {
    const outcome = TRANSFORMS.country.apply('Narnia');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error("'Narnia'")).toBe(
      "Billomat needs a country code; 'Narnia' is not a country we recognise — use e.g. 'DE' or 'Germany'",
    );
  });
});

describe('the street transform', () => {
  it('joins the lines of a multi-line street with commas', () => {
    expect(valueOf(TRANSFORMS.street.apply('Hauptstraße 1\r\nHinterhaus'))).toBe(
      'Hauptstraße 1, Hinterhaus',
    );
    expect(valueOf(TRANSFORMS.street.apply('Hauptstraße 1\nc/o Acme\n3. OG'))).toBe(
      'Hauptstraße 1, c/o Acme, 3. OG',
    );
  });

  it('drops blank lines, stray spaces and commas already at a line end', () => {
    expect(valueOf(TRANSFORMS.street.apply('Main St 1,\r\n   \r\n  Building B  \n'))).toBe(
      'Main St 1, Building B',
    );
  });

  it('leaves a one-line street as it is', () => {
    expect(valueOf(TRANSFORMS.street.apply('Main St 1'))).toBe('Main St 1');
  });
});

describe('the salutation transform', () => {
  it.each([
    ['Mr.', 'Herr'],
    ['Mr', 'Herr'],
    ['Ms.', 'Frau'],
    ['Mrs.', 'Frau'],
    ['Miss', 'Frau'],
    ['Dr.', 'Dr.'],
    ['Prof.', 'Prof.'],
    ['Herr', 'Herr'],
    ['Frau', 'Frau'],
    ['herr', 'Herr'],
    ['Mr. Dr.', 'Herr Dr.'],
    ['Frau Prof. Dr.', 'Frau Prof. Dr.'],
    ['Prof.Dr.', 'Prof. Dr.'],
  ])('turns %s into %s', (salutation, german) => {
    const outcome = TRANSFORMS.salutation.apply(salutation);
    expect(outcome).toEqual({ ok: true, value: german });
  });

  it('leaves the salutation empty for Mx., as German letters have no gendered form for it', () => {
    expect(TRANSFORMS.salutation.apply('Mx.')).toEqual({ ok: true, value: '' });
  });

  it('passes an unknown salutation through unchanged, with a warning', () => {
    const outcome = TRANSFORMS.salutation.apply('Sir');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value).toBe('Sir');
    expect(outcome.warning?.("'Sir' from Salutation")).toContain(
      "'Sir' from Salutation is not a salutation we know",
    );
  });
});

describe('the website transform', () => {
  it.each([
    ['https://www.acme.de/', 'www.acme.de'],
    ['http://acme.de', 'acme.de'],
    ['HTTPS://Acme.de/shop/', 'Acme.de/shop'],
    ['www.acme.de', 'www.acme.de'],
  ])('turns %s into %s', (url, www) => {
    expect(valueOf(TRANSFORMS.website.apply(url))).toBe(www);
  });
});

describe('the case transforms', () => {
  it('writes a value in capital or in small letters', () => {
    expect(valueOf(TRANSFORMS.uppercase.apply('Acme GmbH'))).toBe('ACME GMBH');
    expect(valueOf(TRANSFORMS.lowercase.apply('Info@Acme.DE'))).toBe('info@acme.de');
  });
});
