// Stand-in for lightning/actions: the record page's action window closes on this event.
export const CLOSE_SCREEN_EVENT_NAME = 'lightning__actionsclosescreen';

export class CloseActionScreenEvent extends CustomEvent {
  constructor() {
    super(CLOSE_SCREEN_EVENT_NAME, { bubbles: true, composed: true });
  }
}
