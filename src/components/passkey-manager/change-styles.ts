import { nothing, html } from 'lit';
import { adoptStyles, css } from '../../internal/adopted-styles.js';

/** The change steps' rules: they load with the steps, on the manager's theme. */
const CHANGE_CSS = css`
  .change,
  .form,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 1.5);
  }

  .change,
  .form {
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
  }

  .danger {
    background: var(--passkey-color-danger, light-dark(#b91c1c, #fca5a5));
  }

  .label {
    font-weight: 600;
  }

  .field {
    min-width: 14em;
    min-height: 2.75rem;
    padding: 0 0.6em;
    border: 1px solid var(--passkey-color-muted, light-dark(#4b5563, #cbd5e1));
    border-radius: var(--_radius);
    background: var(--passkey-color-surface, light-dark(#fff, #111827));
    color: inherit;
    font: inherit;
  }

  .field:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }

  .field[aria-invalid='true'] {
    border-color: var(--passkey-color-danger, light-dark(#b91c1c, #fca5a5));
  }

  .code {
    min-width: 0;
    width: 9em;
    font-size: 1.25em;
    letter-spacing: 0.15em;
    font-variant-numeric: tabular-nums;
  }

  .qr {
    width: 11rem;
    height: 11rem;
  }

  .key code {
    user-select: all;
    word-break: break-all;
  }

  .status {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
`;

/** Adds the steps' rules to the manager's shadow root; false where it cannot adopt style sheets. */
export const adoptChangeStyles = (root: ShadowRoot): boolean => adoptStyles(root, CHANGE_CSS);

/** The fallback: the same rules in a `<style>` of the view. */
export const changeFallbackStyles = (adopted: boolean) =>
  adopted
    ? nothing
    : html`<style>
        ${CHANGE_CSS}
      </style>`;
