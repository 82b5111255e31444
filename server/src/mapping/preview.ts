import { applyMapping } from './apply';
import type { BillomatCustomer, Mapping, Problem, SalesforceRecord } from './model';

export interface PreviewResult {
  sfId: string;
  customer: BillomatCustomer;
  problems: Problem[];
}

/** What each record would become in Billomat, for stepping through sample records in the editor. */
export function previewMapping(
  mapping: Mapping,
  records: readonly SalesforceRecord[],
): PreviewResult[] {
  return records.map((record) => ({ sfId: record.Id, ...applyMapping(mapping, record) }));
}
