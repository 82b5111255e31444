import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../preview/preview';
import { openBrowser, screenshotPath, type BrowserSession } from './support/browser';
import { choose, mappingRow, readToast, toast } from './support/lightning';

/**
 * An admin's first hour with the package, in a real browser against the real components: the
 * access check, the mapping, a push of 25 new Accounts with two failures, fixing one record in
 * Salesforce and retrying. The steps build on each other, as they do for the admin.
 */

const VISIBLE = { timeout: 15_000 };
const PUSH_FINISHED = { timeout: 45_000 };

let preview: Preview;
let browser: BrowserSession;
let page: Page;

/** Waits until exactly one element matches and is visible. */
async function shows(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', ...VISIBLE });
}

function accountId(name: string): string {
  const account = preview.org.all('Account').find((record) => record.Name === name);
  if (!account) throw new Error(`the preview org has no Account "${name}"`);
  return account.Id;
}

describe('the Billomat Export tab in a browser', () => {
  beforeAll(async () => {
    preview = await startPreview({ log: () => undefined });
    browser = await openBrowser();
    page = await browser.context.newPage();
    await page.goto(preview.adminUrl);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  }, 60_000);

  it('shows that the user lacks "API Enabled" and how to fix it, while the service checks pass', async () => {
    const apiEnabled = page
      .locator('c-billomat-status-check')
      .filter({ hasText: 'API Enabled permission' });
    await shows(apiEnabled.locator('lightning-badge', { hasText: 'Fail' }));
    await shows(apiEnabled.getByText("Your user does not have 'API Enabled'."));
    await shows(apiEnabled.getByText('How to fix it'));
    await shows(
      apiEnabled
        .getByRole('listitem')
        .filter({ hasText: 'Setup → Users → Profiles → Sales Operations → Edit' }),
    );
    const registered = page
      .locator('c-billomat-status-check')
      .filter({ hasText: 'Org registered with the export service' });
    expect(await registered.getByText('Pass', { exact: true }));
    await shows(page.getByText('3 of 8 checks need attention.'));
    await page.screenshot({ path: screenshotPath('status') });
  }, 60_000);

  it('assigns fields with a default, a transform and a fixed value, steps through the samples and saves', async () => {
    await page.getByRole('tab', { name: 'Mapping' }).click();
    await choose(mappingRow(page, 'name'), 'Salesforce field', 'Account Name (Name)');
    const street = mappingRow(page, 'street');
    await choose(street, 'Salesforce field', 'Billing Street (BillingStreet)');
    await choose(street, 'Transform', 'Street on one line');
    await choose(
      mappingRow(page, 'zip'),
      'Salesforce field',
      'Billing Zip/Postal Code (BillingPostalCode)',
    );
    await choose(mappingRow(page, 'city'), 'Salesforce field', 'Billing City (BillingCity)');
    const country = mappingRow(page, 'country_code');
    await choose(country, 'Salesforce field', 'Billing Country (BillingCountry)');
    await choose(country, 'Transform', 'Country name → code');
    await country.getByLabel('Default when empty').fill('DE');
    await choose(
      mappingRow(page, 'email'),
      'Salesforce field',
      'Billing E-mail (Billing_Email__c)',
    );
    await choose(mappingRow(page, 'net_gross'), 'Fixed value', 'NET');

    const customerPreview = page.locator('c-billomat-customer-preview');
    await page.getByText('Record 1 of 10').waitFor(VISIBLE);
    await customerPreview.getByText('Fehlerfrei Steuerberatung').waitFor(VISIBLE);
    await shows(customerPreview.getByText('NET', { exact: true }));

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Record 2 of 10').waitFor(VISIBLE);
    await customerPreview.getByText('Lange Adresse Logistik GmbH').waitFor(VISIBLE);
    await customerPreview
      .getByText('Street was cut to 255 characters', { exact: false })
      .waitFor(VISIBLE);
    expect(await customerPreview.getByText('Fehlerfrei Steuerberatung').count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath('mapping') });

    await page.getByRole('button', { name: 'Save mapping' }).click();
    await readToast(page, 'Mapping saved', 'The Account mapping is saved as version 1.');
    await shows(page.getByText(/^Version 1, saved/));
  }, 90_000);

  it('sends the 25 new Accounts and shows two failures in words a person can act on', async () => {
    await page.getByRole('tab', { name: 'Push', exact: true }).click();
    const panel = page.locator('c-billomat-push-panel');
    await panel.getByText(`50 of ${preview.org.all('Account').length} shown`).waitFor(VISIBLE);
    await choose(panel, 'List view', 'New accounts (last 30 days)');
    await panel.getByText('25 of 25 shown').waitFor(VISIBLE);
    // The checkbox itself is hidden behind SLDS's drawn box; people click the box, which is its label.
    await panel.locator('label').filter({ hasText: 'Select 25 items' }).click();
    await panel.getByRole('button', { name: 'Send selected to Billomat (25)' }).click();
    await readToast(page, 'Push started', '25 Accounts go to Billomat.');

    const progress = page.locator('c-billomat-push-progress');
    await progress.getByText('Push of Account records').waitFor(VISIBLE);
    await shows(progress.locator('lightning-badge', { hasText: /^(Queued|Running)$/ }));
    await shows(progress.getByText(/^\d+ done \/ \d+ failed \/ 25 total$/));
    await progress.getByText('23 done / 2 failed / 25 total').waitFor(PUSH_FINISHED);
    await progress.getByText('Completed', { exact: true }).waitFor(VISIBLE);

    const krueger = progress
      .getByRole('row')
      .filter({ hasText: accountId('Krüger Handelsgesellschaft') });
    const atlantis = progress
      .getByRole('row')
      .filter({ hasText: accountId('Atlantis Deep Sea Ventures') });
    expect(await krueger.getByText('Failed'));
    await shows(
      krueger.getByText(
        "E-mail: 'rechnung(at)krueger-handel.de' from Billing_Email__c is not a valid e-mail address",
      ),
    );
    await shows(
      atlantis.getByText("Country: Billomat needs a country code; 'Atlantis' from BillingCountry", {
        exact: false,
      }),
    );
    expect(await progress.getByRole('row').filter({ hasText: 'Created' }).count()).toBe(23);
    await progress.getByRole('button', { name: 'Retry failed (2)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('push-progress') });
  }, 120_000);

  it('retries after the admin fixed one record in Salesforce: that one is created, the other still fails', async () => {
    const kruegerId = accountId('Krüger Handelsgesellschaft');
    const progress = page.locator('c-billomat-push-progress');
    const [recordPage] = await Promise.all([
      browser.context.waitForEvent('page'),
      progress.getByRole('link', { name: kruegerId }).click(),
    ]);
    await recordPage.getByRole('heading', { name: 'Krüger Handelsgesellschaft' }).waitFor(VISIBLE);
    await recordPage.getByRole('button', { name: 'Edit' }).click();
    await recordPage.getByLabel('Billing E-mail').fill('rechnung@krueger-handel.de');
    await recordPage.getByRole('button', { name: 'Save' }).click();
    await toast(recordPage, 'Account "Krüger Handelsgesellschaft" was saved.').waitFor(VISIBLE);
    await recordPage.close();

    await progress.getByRole('button', { name: 'Retry failed (2)' }).click();
    await readToast(page, 'Retry started', '2 failed records go to Billomat again.');
    await progress.getByText('24 done / 1 failed / 25 total').waitFor(PUSH_FINISHED);
    const krueger = progress.getByRole('row').filter({ hasText: kruegerId });
    await krueger.getByText('Created').waitFor(VISIBLE);
    await expect(krueger.getByText(/^KD\d{4}$/));
    const atlantis = progress
      .getByRole('row')
      .filter({ hasText: accountId('Atlantis Deep Sea Ventures') });
    await shows(atlantis.getByText('Failed'));
    await shows(progress.getByRole('button', { name: 'Retry failed (1)' }));
    await progress.getByRole('button', { name: 'Retry failed (1)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('after-retry') });
  }, 120_000);
});
