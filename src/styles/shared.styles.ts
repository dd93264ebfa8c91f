import { css } from 'lit';

/**
 * The theme both elements share. Every public custom property is read through a private one
 * with the default as fallback, so a host can set the public ones on the element or on any
 * ancestor (`:root` themes every element at once).
 */
export const sharedStyles = css`
  :host {
    --_font-family: var(--passkey-font-family, inherit);
    --_font-size: var(--passkey-font-size, 1rem);
    --_primary: var(--passkey-color-primary, #1d4ed8);
    --_on-primary: var(--passkey-color-on-primary, #ffffff);
    --_text: var(--passkey-color-text, inherit);
    --_muted: var(--passkey-color-muted, #4b5563);
    --_success: var(--passkey-color-success, #15803d);
    --_danger: var(--passkey-color-danger, #b91c1c);
    --_radius: var(--passkey-radius, 0.5rem);
    --_spacing: var(--passkey-spacing, 0.75rem);
    --_focus-ring: var(--passkey-focus-ring, 0 0 0 3px #93c5fd);

    display: inline-block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--passkey-color-primary, #93c5fd);
      --_on-primary: var(--passkey-color-on-primary, #0b1220);
      --_muted: var(--passkey-color-muted, #cbd5e1);
      --_success: var(--passkey-color-success, #86efac);
      --_danger: var(--passkey-color-danger, #fca5a5);
      --_focus-ring: var(--passkey-focus-ring, 0 0 0 3px #1d4ed8);
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .base {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_spacing) / 1.5);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0 calc(var(--_spacing) * 1.5);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    cursor: pointer;
    transition: filter 120ms ease-in-out;
  }

  .button:hover:not([disabled]):not([aria-disabled='true']) {
    filter: brightness(1.1);
  }

  .button:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }

  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .status.success {
    color: var(--_success);
    font-weight: 600;
  }

  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9375em;
  }

  .spinner {
    width: 1em;
    height: 1em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-right-color: currentColor;
      opacity: 0.6;
    }
    .button {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    .button:focus-visible {
      outline: 2px solid Highlight;
    }
  }
`;
