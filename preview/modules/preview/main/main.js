// The preview's browser entry: synthetic shadow first (the base components need it), then the page.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import AdminPage from 'preview/adminPage';
import RecordPage from 'preview/recordPage';

const PAGES = {
  admin: { tag: 'preview-admin-page', component: AdminPage },
  record: { tag: 'preview-record-page', component: RecordPage },
};

const page = PAGES[document.body.dataset.page] || PAGES.admin;
const element = createElement(page.tag, { is: page.component });
if (document.body.dataset.recordId) {
  element.recordId = document.body.dataset.recordId;
}
document.body.appendChild(element);
