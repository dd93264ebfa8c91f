/**
 * What every event of both elements shares: it bubbles, crosses shadow roots (so a listener on
 * `document` hears it) and carries a frozen detail, or none.
 */
export class PasskeyElementEvent<D extends object | undefined = undefined> extends Event {
  readonly detail: D;

  constructor(type: string, detail?: D, cancelable?: boolean) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = (detail && Object.freeze(detail)) as D;
  }
}
