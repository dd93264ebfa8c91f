import type { ManagerErrorCode } from '../internal/error-codes.js';
import type { PasskeyErrorDetail } from './passkey-enroll-error.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

/**
 * Fired when reading the list or a step of a change failed; the element shows the message. A
 * wrong code keeps its step open; any other failure ends the change, with nothing changed.
 */
export class PasskeyManagerErrorEvent extends PasskeyElementEvent<PasskeyErrorDetail<ManagerErrorCode>> {
  constructor(detail: PasskeyErrorDetail<ManagerErrorCode>) {
    super('passkey-manager-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-manager-error': PasskeyManagerErrorEvent;
  }
}
