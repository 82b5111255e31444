/** The small page the admin's browser shows after coming back from Salesforce. */

export interface CallbackPage {
  status: number;
  title: string;
  message: string;
  fixSteps: string[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export function renderCallbackPage(page: CallbackPage): string {
  const steps =
    page.fixSteps.length > 0
      ? `<ol>${page.fixSteps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — Billomat export</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;color:#181818}h1{font-size:1.4rem}.ok{color:#2e844a}.fail{color:#ba0517}</style>
</head>
<body>
<h1 class="${page.status < 400 ? 'ok' : 'fail'}">${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
${steps}
</body>
</html>
`;
}

/** The page carries nothing worth caching or framing, and the URL that led here holds a one-time code. */
export const CALLBACK_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
} as const;
