import { LightningElement } from 'lwc';

const ICONS = {
  success: 'utility:success',
  error: 'utility:error',
  warning: 'utility:warning',
  info: 'utility:info',
};

/** Shows every ShowToastEvent on the page as an SLDS toast, as the Lightning container does. */
export default class Toasts extends LightningElement {
  toasts = [];
  nextKey = 1;
  handleToast = (event) => this.show(event.detail || {});

  connectedCallback() {
    window.addEventListener('lightning__showtoast', this.handleToast);
  }

  disconnectedCallback() {
    window.removeEventListener('lightning__showtoast', this.handleToast);
  }

  show({ title, message, variant }) {
    const look = ICONS[variant] ? variant : 'info';
    const key = this.nextKey++;
    this.toasts = [
      ...this.toasts,
      {
        key,
        title,
        message,
        variant: look,
        iconName: ICONS[look],
        className: `slds-notify slds-notify_toast slds-theme_${look}`,
      },
    ];
  }

  dismiss(key) {
    this.toasts = this.toasts.filter((toast) => toast.key !== key);
  }

  handleClose(event) {
    this.dismiss(Number(event.currentTarget.dataset.key));
  }

  // The toast's fade-out animation (toasts.css) decides how long it stays.
  handleExpired(event) {
    if (event.target === event.currentTarget) {
      this.dismiss(Number(event.currentTarget.dataset.key));
    }
  }
}
