// What `@salesforce/apex/Class.method` imports become in the preview: a function that calls the
// preview's Apex adapter, usable imperatively and with @wire, failing the way Aura fails.

export function apexMethod(className, methodName) {
  const method = (params) => callApex(className, methodName, params);
  method.adapter = class ApexWireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.sequence = 0;
      this.disconnected = false;
    }

    connect() {
      this.disconnected = false;
    }

    disconnect() {
      this.disconnected = true;
    }

    update(config) {
      const sequence = ++this.sequence;
      callApex(className, methodName, config).then(
        (data) => this.deliver(sequence, { data, error: undefined }),
        (error) => this.deliver(sequence, { data: undefined, error }),
      );
    }

    deliver(sequence, value) {
      if (!this.disconnected && sequence === this.sequence) {
        this.dataCallback(value);
      }
    }
  };
  return method;
}

async function callApex(className, methodName, params) {
  let response;
  try {
    response = await fetch(`/apex/${className}.${methodName}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params || {}),
    });
  } catch (error) {
    throw auraError(0, 'Network Error', {
      message: `The preview server did not answer: ${error.message}`,
    });
  }
  const payload = await response.json().catch(() => null);
  if (response.ok && payload) {
    return payload.returnValue;
  }
  const body = payload && payload.body ? payload.body : { message: `HTTP ${response.status}` };
  throw auraError(response.status, response.statusText, body);
}

// The shape an AuraHandledException reaches a component in.
function auraError(status, statusText, body) {
  return { status, statusText, ok: false, headers: {}, body };
}
