import type { FakeOrg } from './org/fake-org';

/** The HTML around the components: one shell per page, and the Accounts list that links to the record pages. */

const STYLESHEET = '/assets/styles/salesforce-lightning-design-system.min.css';
const PAGE_STYLE = 'body { background: #f3f3f3; min-height: 100vh; } main { max-width: 1400px; }';

export function componentPage(title: string, page: 'admin' | 'record', recordId?: string): string {
  const recordAttribute = recordId ? ` data-record-id="${escapeHtml(recordId)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | Billomat Export preview</title>
<link rel="stylesheet" href="${STYLESHEET}">
<style>${PAGE_STYLE}</style>
</head>
<body data-page="${page}"${recordAttribute}>
<script type="module" src="/app/app.js"></script>
</body>
</html>
`;
}

export function accountListPage(org: FakeOrg): string {
  const rows = org
    .all('Account')
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name), 'en'))
    .map(
      (account) => `<tr>
<td><a href="/lightning/r/Account/${account.Id}/view">${escapeHtml(String(account.Name))}</a></td>
<td>${escapeHtml(String(account.BillingCity ?? ''))}</td>
<td>${escapeHtml(String(account.BillingCountry ?? ''))}</td>
<td>${escapeHtml(String(account.Billomat_Customer_Number__c ?? ''))}</td>
<td>${escapeHtml(String(account.Billomat_Sync_Status__c ?? ''))}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Accounts | Billomat Export preview</title>
<link rel="stylesheet" href="${STYLESHEET}">
<style>${PAGE_STYLE}</style>
</head>
<body>
<main class="slds-p-around_medium">
<div class="slds-page-header slds-m-bottom_small">
<h1 class="slds-page-header__title">Accounts</h1>
<p class="slds-text-body_small">The fake org of the local preview. Open an Account to send it to Billomat or to edit it;
the admin app is on the <a href="/lightning/n/Billomat_Export">Billomat Export</a> tab.</p>
</div>
<table class="slds-table slds-table_cell-buffer slds-table_bordered">
<thead><tr><th>Account Name</th><th>Billing City</th><th>Billing Country</th><th>Billomat Customer Number</th><th>Billomat Sync Status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
