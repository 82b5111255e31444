import { LightningElement } from 'lwc';
import getAccessStatus from '@salesforce/apex/BillomatAccessController.getAccessStatus';
import { reduceErrors } from 'c/billomatErrors';

// Billomat's own import guide names these steps; they must show even if the org sends none.
const API_ENABLED_GUIDE = [
  'Open Setup and go to Users → Profiles.',
  'Open the profile of the user who runs the export and click Edit.',
  'Under Administrative Permissions, select "API Enabled".',
  'Save. (A permission set that grants "API Enabled" works as well.)',
];

/** Loads the access checks and shows each with its fix steps; "Check again" reloads them. */
export default class BillomatAccessStatus extends LightningElement {
  checks = [];
  allPassed = false;
  isLoading = false;
  errors = [];
  hasLoaded = false;

  connectedCallback() {
    this.load();
  }

  async load() {
    this.isLoading = true;
    this.errors = [];
    try {
      const status = await getAccessStatus();
      this.checks = (status.checks || []).map(withGuideSteps);
      this.allPassed = status.allPassed === true;
      this.hasLoaded = true;
    } catch (error) {
      this.errors = reduceErrors(error);
    } finally {
      this.isLoading = false;
    }
  }

  handleCheckAgain() {
    this.load();
  }

  get hasErrors() {
    return this.errors.length > 0;
  }

  get showSummary() {
    return this.hasLoaded && !this.hasErrors;
  }

  get summary() {
    if (this.allPassed) {
      return 'Everything is ready: this org and your user can export to Billomat.';
    }
    const open = this.checks.filter((check) => check.status !== 'pass').length;
    return `${open} of ${this.checks.length} checks need attention.`;
  }

  get summaryClass() {
    const theme = this.allPassed ? 'slds-theme_success' : 'slds-theme_warning';
    return `summary slds-box slds-box_x-small slds-m-bottom_small ${theme}`;
  }
}

function withGuideSteps(check) {
  const hasSteps = Array.isArray(check.fixSteps) && check.fixSteps.length > 0;
  if (check.key === 'apiEnabled' && check.status !== 'pass' && !hasSteps) {
    return { ...check, fixSteps: API_ENABLED_GUIDE };
  }
  return check;
}
