import { writableClientFields } from './client-fields';

export interface StoredClient {
  id: number;
  created: string;
  /** Every writable field, as the string Billomat would answer. */
  fields: Record<string, string>;
}

export type BookOutcome = { ok: true; client: StoredClient } | { ok: false; errors: string[] };

const defaults: Readonly<Record<string, string>> = {
  archived: '0',
  number_pre: 'KD',
  number_length: '4',
  country_code: 'DE',
  tax_rule: 'COUNTRY',
  net_gross: 'SETTINGS',
  discount_rate_type: 'SETTINGS',
  discount_days_type: 'SETTINGS',
  due_days_type: 'SETTINGS',
  reminder_due_days_type: 'SETTINGS',
  offer_validity_days_type: 'SETTINGS',
};

const numberingFields = ['number_pre', 'number', 'number_length'];

/** The clients of one account, with Billomat's customer numbering. */
export class ClientBook {
  private readonly byId = new Map<number, StoredClient>();
  /** numberKey → client id: keeps "is this number taken" cheap for big accounts. */
  private readonly idByNumber = new Map<string, number>();
  private nextNumber = 1;

  constructor(private readonly nextId: () => number) {}

  get(id: number): StoredClient | undefined {
    return this.byId.get(id);
  }

  all(): StoredClient[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  create(values: Record<string, string>, now: Date): BookOutcome {
    const fields: Record<string, string> = {};
    for (const field of writableClientFields) fields[field] = defaults[field] ?? '';
    Object.assign(fields, withoutEmptyNumbering(values));
    if (!('number' in values) || values.number === '')
      fields.number = String(this.freeNumber(fields));
    const taken = this.takenError(fields, undefined);
    if (taken) return { ok: false, errors: [taken] };
    const client: StoredClient = { id: this.nextId(), created: billomatDateTime(now), fields };
    this.byId.set(client.id, client);
    this.idByNumber.set(numberKey(fields), client.id);
    this.advanceNumbering(fields);
    return { ok: true, client };
  }

  update(id: number, values: Record<string, string>): BookOutcome | undefined {
    const current = this.byId.get(id);
    if (!current) return undefined;
    const fields = { ...current.fields, ...withoutEmptyNumbering(values) };
    const taken = this.takenError(fields, id);
    if (taken) return { ok: false, errors: [taken] };
    this.idByNumber.delete(numberKey(current.fields));
    this.idByNumber.set(numberKey(fields), id);
    current.fields = fields;
    this.advanceNumbering(fields);
    return { ok: true, client: current };
  }

  remove(id: number): boolean {
    const client = this.byId.get(id);
    if (!client) return false;
    this.idByNumber.delete(numberKey(client.fields));
    return this.byId.delete(id);
  }

  private freeNumber(fields: Record<string, string>): number {
    let number = this.nextNumber;
    while (this.holder({ ...fields, number: String(number) }, undefined) !== undefined) number += 1;
    return number;
  }

  private takenError(fields: Record<string, string>, ownId: number | undefined): string | null {
    return this.holder(fields, ownId) !== undefined
      ? `Invalid number: client number ${clientNumber(fields)} is already taken`
      : null;
  }

  private holder(fields: Record<string, string>, ownId: number | undefined): number | undefined {
    const id = this.idByNumber.get(numberKey(fields));
    return id === ownId ? undefined : id;
  }

  private advanceNumbering(fields: Record<string, string>): void {
    this.nextNumber = Math.max(this.nextNumber, Number(fields.number) + 1);
  }
}

/** Prefix plus the number, zero-padded to the minimum length: "KD" + 42 + 4 → "KD0042". */
export function clientNumber(fields: Record<string, string>): string {
  const digits = (fields.number ?? '').padStart(Number(fields.number_length ?? '0'), '0');
  return `${fields.number_pre ?? ''}${digits}`;
}

/** A number is taken per prefix: KD7 and SF-7 can both exist, KD7 twice cannot. */
function numberKey(fields: Record<string, string>): string {
  return `${fields.number_pre ?? ''}\u0000${fields.number ?? ''}`;
}

/** An empty numbering field means "use the default", not "no number". */
function withoutEmptyNumbering(values: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === '' && numberingFields.includes(field)) continue;
    kept[field] = value;
  }
  return kept;
}

/** Billomat writes datetimes with an offset and without milliseconds: 2025-11-25T04:52:00+00:00. */
function billomatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}
