import { LightningElement, api } from 'lwc';

const LOOK = {
  pass: { icon: 'utility:success', variant: 'success', label: 'Pass', badge: 'slds-theme_success' },
  fail: { icon: 'utility:error', variant: 'error', label: 'Fail', badge: 'slds-theme_error' },
  unknown: {
    icon: 'utility:warning',
    variant: 'warning',
    label: 'Unknown',
    badge: 'slds-theme_warning',
  },
};

/** One access check: its outcome, what was found and, unless it passed, how to fix it. */
export default class BillomatStatusCheck extends LightningElement {
  /** { key, label, status: 'pass'|'fail'|'unknown', detail, fixSteps: string[] } */
  @api check;

  get look() {
    return LOOK[this.check && this.check.status] || LOOK.unknown;
  }

  get iconName() {
    return this.look.icon;
  }

  get iconVariant() {
    return this.look.variant;
  }

  get badgeLabel() {
    return this.look.label;
  }

  get badgeClass() {
    return this.look.badge;
  }

  get fixSteps() {
    const steps = (this.check && this.check.fixSteps) || [];
    return steps.map((text, index) => ({ key: `step-${index}`, text }));
  }

  get showFixSteps() {
    return this.check.status !== 'pass' && this.fixSteps.length > 0;
  }
}
