import { reduceErrors, errorText } from 'c/billomatErrors';

const errors = require('./data/apexErrors.json');

describe('c-billomat-errors', () => {
  it('reads the message of an AuraHandledException from Apex', () => {
    expect(reduceErrors(errors.auraHandled)).toEqual([
      'The export service did not answer. Try again in a minute.',
    ]);
  });

  it('reads page errors and field errors from a DML failure', () => {
    expect(reduceErrors(errors.dmlPageAndFieldErrors)).toEqual([
      'Billing country is required',
      'Email: invalid email address: info(at)acme',
    ]);
  });

  it('reads every message of a UI API read error', () => {
    expect(reduceErrors(errors.uiApiRead)).toEqual(['The requested resource does not exist']);
  });

  it('reads the summary, record errors and field errors of a UI API write error', () => {
    expect(reduceErrors(errors.uiApiWrite)).toEqual([
      'An error occurred while trying to update the record. Please try again.',
      "You're creating a duplicate record.",
      'Required fields are missing: [Name]',
    ]);
  });

  it('reads the message of a JavaScript error', () => {
    expect(
      reduceErrors(new TypeError("Cannot read properties of undefined (reading 'items')")),
    ).toEqual(["Cannot read properties of undefined (reading 'items')"]);
  });

  it('flattens an array of errors, drops empty entries and repeats', () => {
    const result = reduceErrors([
      null,
      errors.auraHandled,
      undefined,
      'Pick a list view first.',
      errors.auraHandled,
    ]);
    expect(result).toEqual([
      'The export service did not answer. Try again in a minute.',
      'Pick a list view first.',
    ]);
  });

  it('falls back to the HTTP status text when the body says nothing', () => {
    expect(reduceErrors({ status: 503, statusText: 'Service Unavailable', body: {} })).toEqual([
      'Service Unavailable',
    ]);
  });

  it('returns no messages for nothing', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
  });

  it('joins the messages into one text, with a fallback when there is none', () => {
    expect(errorText([errors.uiApiRead, 'Pick a list view first.'])).toBe(
      'The requested resource does not exist. Pick a list view first.',
    );
    expect(errorText({})).toBe('Something went wrong. Please try again.');
  });
});
