import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_MAPPING } from '../../server/src/demo/accounts';
import { startPreview, type Preview } from '../../preview/preview';
import { openBrowser, screenshotPath, type BrowserSession } from './support/browser';
import { toast } from './support/lightning';

/**
 * A sales rep on an Account record page uses "Send to Billomat", in a real browser against the
 * real component, once the admin has saved an Account mapping.
 */

const VISIBLE = { timeout: 15_000 };
// The action waits up to 25 s for Billomat; the emulator answers within half a second.
const SENT = { timeout: 30_000 };

let preview: Preview;
let browser: BrowserSession;

async function shows(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', ...VISIBLE });
}

async function openAccount(name: string): Promise<Page> {
  const account = preview.org.all('Account').find((record) => record.Name === name);
  if (!account) throw new Error(`the preview org has no Account "${name}"`);
  const page = await browser.context.newPage();
  await page.goto(preview.recordUrl(account.Id));
  await shows(page.getByRole('heading', { name }));
  return page;
}

/** The mapping editor saves through this Apex method; the admin did so before the rep arrives. */
async function saveAccountMapping(): Promise<void> {
  const response = await fetch(`${preview.url}/apex/BillomatMappingController.saveMapping`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      objectType: 'Account',
      fieldsJson: JSON.stringify(DEMO_ACCOUNT_MAPPING),
    }),
  });
  if (!response.ok)
    throw new Error(`saving the mapping answered ${response.status}: ${await response.text()}`);
}

describe('Send to Billomat on an Account record page', () => {
  beforeAll(async () => {
    preview = await startPreview({ log: () => undefined });
    browser = await openBrowser();
    await saveAccountMapping();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  }, 60_000);

  it('sends the Account and shows its new Billomat customer number on the page', async () => {
    const page = await openAccount('Müller Maschinenbau GmbH');
    const card = page.locator('c-billomat-send-account').filter({ hasText: 'Billomat' }).first();
    await shows(card.getByText('This Account is not in Billomat yet.'));

    await page.getByRole('button', { name: 'Send to Billomat' }).click();
    const action = page.getByRole('dialog', { name: 'Send to Billomat' });
    await shows(action.getByRole('heading', { name: 'Send to Billomat' }));
    await shows(action.getByText('This Account is not in Billomat yet.'));
    await page.screenshot({ path: screenshotPath('send-to-billomat-action') });
    await action.getByRole('button', { name: 'Send', exact: true }).click();

    const sent = toast(page, 'Sent to Billomat');
    await sent.waitFor(SENT);
    const message =
      (await sent.getByText(/^Billomat customer KD\d{4} created$/).textContent()) ?? '';
    const number = message.replace('Billomat customer ', '').replace(' created', '');
    await action.waitFor({ state: 'detached', ...VISIBLE });

    await shows(card.getByText(`Billomat customer ${number}`));
    await shows(page.locator('dd', { hasText: number }));
    await shows(page.locator('dd', { hasText: 'Created' }));
    const inBillomat = preview.emulator.clients(preview.billomatId);
    expect(inBillomat.map((client) => [client.name, client.client_number])).toEqual([
      ['Müller Maschinenbau GmbH', number],
    ]);
    await page.screenshot({ path: screenshotPath('send-to-billomat') });
    await page.close();
  }, 90_000);

  it('keeps the action window open with the reason when Billomat cannot take the Account', async () => {
    const page = await openAccount('Atlantis Deep Sea Ventures');
    await page.getByRole('button', { name: 'Send to Billomat' }).click();
    const action = page.getByRole('dialog', { name: 'Send to Billomat' });
    await action.getByRole('button', { name: 'Send', exact: true }).click();
    await shows(
      action.getByRole('alert').filter({
        hasText: "Country: Billomat needs a country code; 'Atlantis' from BillingCountry",
      }),
    );
    await shows(action.getByText('This Account is not in Billomat yet.'));
    // The send wrote the outcome onto the Account, which the page shows once it is opened again.
    await page.reload();
    await shows(page.locator('dd', { hasText: 'Failed' }));
    await shows(
      page.locator('dd', {
        hasText: "'Atlantis' from BillingCountry is not a country we recognise",
      }),
    );
    expect(preview.emulator.clients(preview.billomatId).map((client) => client.name)).not.toContain(
      'Atlantis Deep Sea Ventures',
    );
    await page.close();
  }, 90_000);
});
