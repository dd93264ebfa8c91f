import type { PasskeyManagerStrings } from '../../internal/strings.js';
import change from './en/change.js';
import list from './en/list.js';

/**
 * English for `<passkey-manager>`, whole. The element itself takes it in two parts: the list's
 * (en/list.ts) with the element, the change steps' (en/change.ts) with the steps, so that a page
 * pays before its list renders only for what the list shows.
 */
const manager: PasskeyManagerStrings = { ...list, ...change, errors: { ...list.errors, ...change.errors } };
export default manager;
