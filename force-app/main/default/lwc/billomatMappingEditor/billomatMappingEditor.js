import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getBillomatFields from '@salesforce/apex/BillomatMappingController.getBillomatFields';
import getSalesforceFields from '@salesforce/apex/BillomatMappingController.getSalesforceFields';
import getMapping from '@salesforce/apex/BillomatMappingController.getMapping';
import saveMapping from '@salesforce/apex/BillomatMappingController.saveMapping';
import getSampleRecords from '@salesforce/apex/BillomatMappingController.getSampleRecords';
import previewMapping from '@salesforce/apex/BillomatMappingController.previewMapping';
import { reduceErrors } from 'c/billomatErrors';
import {
  assignmentsFrom,
  conflictingFields,
  mappingFields,
  sourceFieldNames,
} from './mappingRules';

const SAMPLE_SIZE = 10;
const PREVIEW_DELAY_MS = 400;
const OBJECT_TYPES = [
  { label: 'Accounts', value: 'Account' },
  { label: 'Contacts', value: 'Contact' },
];

/**
 * Assigns Salesforce fields, defaults, transforms or fixed values to the Billomat customer
 * fields, previews the result on sample records and saves the mapping.
 */
export default class BillomatMappingEditor extends LightningElement {
  objectType = 'Account';
  billomatFields = [];
  sourceOptions = [];
  transformOptions = [];
  assignments = {};
  savedVersion = null;
  savedAt = null;
  isDirty = false;

  samples = [];
  sampleIndex = 0;
  sampleFieldNames = [];
  preview = null;

  isLoading = false;
  isSaving = false;
  isPreviewing = false;
  loadErrors = [];
  saveErrors = [];
  previewErrors = [];

  loadSequence = 0;
  previewSequence = 0;
  previewTimer;

  connectedCallback() {
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.previewTimer);
  }

  async load() {
    const objectType = this.objectType;
    const sequence = ++this.loadSequence;
    this.isLoading = true;
    this.loadErrors = [];
    this.saveErrors = [];
    this.preview = null;
    try {
      const [catalogueJson, salesforceFields, mappingJson] = await Promise.all([
        getBillomatFields(),
        getSalesforceFields({ objectType }),
        getMapping({ objectType }),
      ]);
      if (sequence !== this.loadSequence) {
        return;
      }
      this.applyCatalogue(JSON.parse(catalogueJson), salesforceFields || []);
      this.applySavedMapping(JSON.parse(mappingJson));
      await this.loadSamples(0);
    } catch (error) {
      if (sequence === this.loadSequence) {
        this.loadErrors = reduceErrors(error);
      }
    } finally {
      if (sequence === this.loadSequence) {
        this.isLoading = false;
      }
    }
  }

  applyCatalogue(catalogue, salesforceFields) {
    this.billomatFields = catalogue.fields || [];
    this.transformOptions = (catalogue.transforms || []).map((transform) => ({
      label: transform.label,
      value: transform.name,
    }));
    this.sourceOptions = salesforceFields.map((field) => ({
      label: `${field.label} (${field.apiName})`,
      value: field.apiName,
    }));
  }

  applySavedMapping(mapping) {
    this.assignments = assignmentsFrom(this.billomatFields, mapping.fields);
    this.savedVersion = mapping.version;
    this.savedAt = mapping.savedAt;
    this.isDirty = false;
  }

  async loadSamples(index) {
    const fieldNames = sourceFieldNames(this.assignments);
    const records = await getSampleRecords({
      objectType: this.objectType,
      fieldNames,
      limitSize: SAMPLE_SIZE,
    });
    this.samples = records || [];
    this.sampleFieldNames = fieldNames;
    this.sampleIndex = Math.max(0, Math.min(index, this.samples.length - 1));
    await this.refreshPreview();
  }

  async refreshPreview() {
    const record = this.samples[this.sampleIndex];
    const sequence = ++this.previewSequence;
    if (!record) {
      this.preview = null;
      return;
    }
    this.isPreviewing = true;
    try {
      const answer = await previewMapping({
        objectType: this.objectType,
        fieldsJson: JSON.stringify(mappingFields(this.assignments)),
        recordsJson: JSON.stringify([record]),
      });
      if (sequence === this.previewSequence) {
        const result = (JSON.parse(answer).results || [])[0] || {};
        this.preview = { customer: result.customer || {}, problems: result.problems || [] };
        this.previewErrors = [];
      }
    } catch (error) {
      if (sequence === this.previewSequence) {
        this.previewErrors = reduceErrors(error);
      }
    } finally {
      if (sequence === this.previewSequence) {
        this.isPreviewing = false;
      }
    }
  }

  // After an edit: fetch the samples again when a newly picked field is not in them yet.
  async previewAfterEdit() {
    const known = new Set(this.sampleFieldNames);
    const missing = sourceFieldNames(this.assignments).some((name) => !known.has(name));
    try {
      if (missing) {
        await this.loadSamples(this.sampleIndex);
      } else {
        await this.refreshPreview();
      }
    } catch (error) {
      this.previewErrors = reduceErrors(error);
    }
  }

  handleObjectTypeChange(event) {
    clearTimeout(this.previewTimer);
    this.objectType = event.detail.value;
    this.load();
  }

  handleAssignmentChange(event) {
    const { fieldName, assignment } = event.detail;
    this.assignments = { ...this.assignments, [fieldName]: assignment };
    this.isDirty = true;
    this.saveErrors = [];
    clearTimeout(this.previewTimer);
    // Wait until typing pauses before asking the service for a new preview.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.previewTimer = setTimeout(() => this.previewAfterEdit(), PREVIEW_DELAY_MS);
  }

  handlePrevious() {
    if (this.sampleIndex > 0) {
      this.sampleIndex -= 1;
      this.refreshPreview();
    }
  }

  handleNext() {
    if (this.sampleIndex < this.samples.length - 1) {
      this.sampleIndex += 1;
      this.refreshPreview();
    }
  }

  async handleSave() {
    if (this.saveDisabled) {
      return;
    }
    this.isSaving = true;
    this.saveErrors = [];
    try {
      const answer = await saveMapping({
        objectType: this.objectType,
        fieldsJson: JSON.stringify(mappingFields(this.assignments)),
      });
      this.applySavedMapping(JSON.parse(answer));
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Mapping saved',
          message: `The ${this.objectType} mapping is saved as version ${this.savedVersion}.`,
          variant: 'success',
        }),
      );
    } catch (error) {
      this.saveErrors = reduceErrors(error);
    } finally {
      this.isSaving = false;
    }
  }

  get objectTypeOptions() {
    return OBJECT_TYPES;
  }

  get rows() {
    return this.billomatFields.map((field) => ({
      key: field.name,
      field,
      assignment: this.assignments[field.name],
    }));
  }

  get hasRows() {
    return this.billomatFields.length > 0;
  }

  get conflictCount() {
    return conflictingFields(this.assignments).length;
  }

  get hasConflicts() {
    return this.conflictCount > 0;
  }

  get conflictSummary() {
    const count = this.conflictCount;
    return count === 1
      ? '1 field has both a Salesforce field and a fixed value. Clear one of them to save.'
      : `${count} fields have both a Salesforce field and a fixed value. Clear one of them to save.`;
  }

  get saveDisabled() {
    return this.isSaving || this.isLoading || this.hasConflicts || !this.hasRows;
  }

  get hasLoadErrors() {
    return this.loadErrors.length > 0;
  }

  get hasSaveErrors() {
    return this.saveErrors.length > 0;
  }

  get hasPreviewErrors() {
    return this.previewErrors.length > 0;
  }

  get versionText() {
    return this.savedVersion === null || this.savedVersion === undefined
      ? 'No mapping saved yet'
      : `Version ${this.savedVersion}`;
  }

  get hasSavedAt() {
    return Boolean(this.savedAt);
  }

  get hasSamples() {
    return this.samples.length > 0;
  }

  get showNoSamples() {
    return !this.isLoading && !this.hasLoadErrors;
  }

  get noSamplesText() {
    return `There are no ${this.objectType} records to preview yet.`;
  }

  get samplePosition() {
    return `Record ${this.sampleIndex + 1} of ${this.samples.length}`;
  }

  get sampleName() {
    const record = this.samples[this.sampleIndex];
    return record ? record.Name : '';
  }

  get isFirstSample() {
    return this.sampleIndex === 0;
  }

  get isLastSample() {
    return this.sampleIndex >= this.samples.length - 1;
  }

  get hasPreview() {
    return this.preview !== null;
  }
}
