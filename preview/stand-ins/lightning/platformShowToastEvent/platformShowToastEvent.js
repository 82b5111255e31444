// Stand-in for lightning/platformShowToastEvent: in Salesforce the page container shows the
// toast; in the preview, preview-toasts listens for the same event.
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super(SHOW_TOAST_EVENT_NAME, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: toast,
    });
  }
}
