import type { Locator, Page } from 'playwright-core';

/** How a person works the base components: by their labels and the text they show. */

/** Opens a lightning-combobox by its label and picks an option by its text. */
export async function choose(scope: Locator | Page, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await scope.getByRole('option', { name: option, exact: true }).click();
}

/** One row of the mapping editor, found by the Billomat field name it shows under its label (`country_code`). */
export function mappingRow(page: Page, billomatField: string): Locator {
  return page
    .locator('c-billomat-field-assignment')
    .filter({ has: page.getByText(billomatField, { exact: true }) });
}

/** The toast with this title, as the page shows it. */
export function toast(page: Page, title: string): Locator {
  return page.getByRole('status').filter({ has: page.getByRole('heading', { name: title }) });
}

/** Reads a toast, then closes it as a person would, so it does not cover what comes next. */
export async function readToast(page: Page, title: string, message: string): Promise<void> {
  const shown = toast(page, title);
  await shown.getByText(message, { exact: true }).waitFor({ timeout: 15_000 });
  await shown.getByRole('button', { name: 'Close' }).click();
}
