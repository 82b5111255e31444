import type { Connection } from 'jsforce';
import { RequestError } from '../errors';
import { isSourceAssignment, type ObjectType } from '../mapping';
import { SalesforceFailure } from '../orgs/salesforce-failure';
import type { SalesforceConnections } from '../orgs/salesforce-connections';
import { FilterError, filterableFields, parseFilter, type ValidatedFilter } from '../salesforce';
import type { Org, SavedMapping, Store } from '../store/contract';

export interface PullRequest {
  /** The org's 15- or 18-character id. */
  orgId: string;
  objectType: ObjectType;
  /** A narrowing in SOQL WHERE syntax; validated against the object's filterable fields. */
  where?: string;
}

/** Everything a pull needs, checked before any record is read. */
export interface PullPlan {
  org: Org;
  objectType: ObjectType;
  mapping: SavedMapping;
  conn: Connection;
  /** The Salesforce fields the mapping reads (`Account.Name` for a parent field). */
  fields: string[];
  where?: ValidatedFilter;
}

/** Filters on a Contact may also name the fields of its Account. */
const FILTER_PARENTS: Record<ObjectType, string[]> = { Account: [], Contact: ['Account'] };

export function mappedSourceFields(mapping: SavedMapping): string[] {
  const sources = Object.values(mapping.fields).flatMap((assignment) =>
    assignment && isSourceAssignment(assignment) ? [assignment.source] : [],
  );
  return [...new Set(sources)];
}

/**
 * Checks a pull before it starts: the org is registered and connected, a mapping is saved (its
 * source fields are all that is read), and the filter passes the grammar and the allow-list of
 * the object's filterable fields, so nothing of its text reaches Salesforce unchecked.
 */
export async function planPull(
  store: Store,
  connections: SalesforceConnections,
  request: PullRequest,
): Promise<PullPlan> {
  const org = await connections.requireOrg(request.orgId);
  const stored = await connections.requireConnection(org);
  const mapping = await store.latestMapping(org.orgId, request.objectType);
  if (!mapping) {
    throw new RequestError(
      409,
      'mapping_missing',
      `No mapping is saved for ${request.objectType} records of the org ${org.orgId} yet. Save one in the Mapping tab of the Billomat Export app first: a pull reads only the fields the mapping needs.`,
    );
  }
  let conn: Connection;
  let where: ValidatedFilter | undefined;
  try {
    conn = await connections.open(stored);
    if (request.where !== undefined) {
      where = parseFilter(
        request.where,
        await filterableFields(conn, request.objectType, FILTER_PARENTS[request.objectType]),
      );
    }
  } catch (error) {
    if (error instanceof FilterError)
      throw new RequestError(400, error.code, `The filter was not used: ${error.message}.`);
    if (error instanceof RequestError) throw error;
    throw new SalesforceFailure(await connections.problem(org.orgId, error));
  }
  return {
    org,
    objectType: request.objectType,
    mapping,
    conn,
    fields: mappedSourceFields(mapping),
    ...(where ? { where } : {}),
  };
}
