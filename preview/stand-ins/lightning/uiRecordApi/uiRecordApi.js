// Stand-in for lightning/uiRecordApi: getRecord reads the fake org through the preview's UI API
// routes, updateRecord saves a person's edit, notifyRecordUpdateAvailable refreshes every
// getRecord that shows one of the records.

const liveAdapters = new Set();

function sameRecord(a, b) {
  return Boolean(a) && Boolean(b) && a.slice(0, 15) === b.slice(0, 15);
}

function fieldNames(fields) {
  return (fields || []).map((field) =>
    (typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`),
  );
}

async function readJson(response) {
  const payload = await response.json().catch(() => null);
  if (response.ok) {
    return payload;
  }
  throw fetchError(response, payload);
}

// The shape Lightning Data Service rejects with.
function fetchError(response, body) {
  return { status: response.status, ok: false, statusText: response.statusText, body };
}

export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
    this.sequence = 0;
  }

  connect() {
    liveAdapters.add(this);
  }

  disconnect() {
    liveAdapters.delete(this);
  }

  update(config) {
    this.config = config;
    this.load();
  }

  get recordId() {
    return this.config && this.config.recordId;
  }

  async load() {
    if (!this.recordId) {
      return;
    }
    const sequence = ++this.sequence;
    const query = new URLSearchParams();
    const fields = fieldNames(this.config.fields);
    const optionalFields = fieldNames(this.config.optionalFields);
    if (fields.length) query.set('fields', fields.join(','));
    if (optionalFields.length) query.set('optionalFields', optionalFields.join(','));
    try {
      const data = await readJson(await fetch(`/ui-api/records/${this.recordId}?${query}`));
      if (sequence === this.sequence) this.dataCallback({ data, error: undefined });
    } catch (error) {
      if (sequence === this.sequence) this.dataCallback({ data: undefined, error });
    }
  }
}

export function getFieldValue(record, field) {
  const name = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
  const fieldName = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
  const entry = record && record.fields && record.fields[fieldName];
  return entry ? entry.value : undefined;
}

export function getFieldDisplayValue(record, field) {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  const fieldName = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
  const entry = record && record.fields && record.fields[fieldName];
  return entry ? entry.displayValue : undefined;
}

export async function updateRecord(recordInput) {
  const { Id, ...fields } = recordInput.fields;
  const record = await readJson(
    await fetch(`/ui-api/records/${Id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields }),
    }),
  );
  await notifyRecordUpdateAvailable([{ recordId: Id }]);
  return record;
}

export function notifyRecordUpdateAvailable(recordIds) {
  const ids = (recordIds || []).map((item) => item.recordId);
  liveAdapters.forEach((adapter) => {
    if (ids.some((id) => sameRecord(id, adapter.recordId))) {
      adapter.load();
    }
  });
  return Promise.resolve();
}
