const FALLBACK_MESSAGE = 'Something went wrong. Please try again.';

/**
 * Turns one error or a list of errors (Apex, Lightning Data Service, JavaScript, plain text)
 * into the readable messages they carry, without duplicates.
 * @param {*} errors an error, an array of errors, or nothing
 * @returns {string[]} the messages, possibly empty
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.flatMap((error) => messagesOf(error));
  return [...new Set(messages.map((message) => message.trim()).filter((message) => message))];
}

/**
 * The messages of `errors` as one text for an inline message or a toast.
 * @param {*} errors what reduceErrors accepts
 * @returns {string} never empty
 */
export function errorText(errors) {
  const messages = reduceErrors(errors);
  return messages.length ? messages.map(asSentence).join(' ') : FALLBACK_MESSAGE;
}

function asSentence(message) {
  return /[.!?:)\]]$/.test(message) ? message : `${message}.`;
}

function messagesOf(error) {
  if (!error) {
    return [];
  }
  if (Array.isArray(error)) {
    return error.flatMap((item) => messagesOf(item));
  }
  if (typeof error === 'string') {
    return [error];
  }
  if (error.body !== undefined && error.body !== null) {
    const fromBody = bodyMessages(error.body);
    if (fromBody.length) {
      return fromBody;
    }
  }
  if (typeof error.message === 'string') {
    return [error.message];
  }
  return typeof error.statusText === 'string' ? [error.statusText] : [];
}

function bodyMessages(body) {
  if (Array.isArray(body)) {
    // UI API read errors arrive as an array of { errorCode, message }
    return body.flatMap((item) => messagesOf(item));
  }
  if (typeof body === 'string') {
    return [body];
  }
  const messages = [];
  if (typeof body.message === 'string') {
    messages.push(body.message);
  }
  messages.push(...pageErrorMessages(body.pageErrors));
  messages.push(...fieldErrorMessages(body.fieldErrors));
  if (body.output) {
    // UI API record writes put DML problems under output
    messages.push(...pageErrorMessages(body.output.errors));
    messages.push(...fieldErrorMessages(body.output.fieldErrors));
  }
  return messages;
}

function pageErrorMessages(pageErrors) {
  if (!Array.isArray(pageErrors)) {
    return [];
  }
  return pageErrors.map((pageError) => pageError && pageError.message).filter(isText);
}

function fieldErrorMessages(fieldErrors) {
  if (!fieldErrors || typeof fieldErrors !== 'object') {
    return [];
  }
  return Object.values(fieldErrors).flatMap((problems) => pageErrorMessages(problems));
}

function isText(value) {
  return typeof value === 'string' && value.length > 0;
}
