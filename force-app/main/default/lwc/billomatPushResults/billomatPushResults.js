import { LightningElement, api } from 'lwc';

const STATUS = {
  failed: { label: 'Failed', badge: 'slds-theme_error', order: 0 },
  pending: { label: 'Pending', badge: '', order: 1 },
  created: { label: 'Created', badge: 'slds-theme_success', order: 2 },
  updated: { label: 'Updated', badge: 'slds-theme_success', order: 2 },
  unchanged: { label: 'Unchanged', badge: 'slds-theme_shade', order: 2 },
};

/** The per-record results of a push, failed records first. */
export default class BillomatPushResults extends LightningElement {
  /** [{ sfId, status, billomatId, billomatNumber, message }] */
  @api items = [];

  get rows() {
    return (this.items || [])
      .map((item, index) => {
        const status = STATUS[item.status] || { label: item.status, badge: '', order: 1 };
        return {
          key: `${item.sfId}-${index}`,
          sfId: item.sfId,
          recordUrl: `/${item.sfId}`,
          statusLabel: status.label,
          badgeClass: status.badge,
          order: status.order,
          index,
          number: item.billomatNumber || '—',
          message: item.message || '',
        };
      })
      .sort((a, b) => a.order - b.order || a.index - b.index);
  }

  get hasRows() {
    return this.rows.length > 0;
  }
}
