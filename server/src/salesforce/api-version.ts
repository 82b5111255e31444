/** Salesforce REST API version the service speaks (jsforce would default to 50.0). */
export const API_VERSION = '62.0';
