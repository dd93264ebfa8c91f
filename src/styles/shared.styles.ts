import { css } from './static-css.js';

/**
 * The theme both elements share: public custom properties read where they are used, with the
 * default as fallback, so a host can set them on the element or on any ancestor (`:root` themes
 * every element at once). Colors are `light-dark()` pairs: dark follows `prefers-color-scheme`
 * unless the host pins `--passkey-color-scheme` to `light` or `dark`. Layout uses logical
 * directions only (start/end), so `dir="rtl"` mirrors it.
 */
export const sharedStyles = css`
  :host {
    color-scheme: var(--passkey-color-scheme, light dark);
    --_radius: var(--passkey-radius, 0.5rem);
    --_spacing: var(--passkey-spacing, 0.75rem);
    --_focus-ring: var(--passkey-focus-ring, 0 0 0 3px light-dark(#93c5fd, #1d4ed8));

    display: inline-block;
    /* Unset, these are invalid and so inherit from the page. */
    font-family: var(--passkey-font-family);
    color: var(--passkey-color-text);
    font-size: var(--passkey-font-size, 1rem);
  }

  :host([hidden]) {
    display: none !important;
  }

  * {
    box-sizing: border-box;
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
    /* Transparent edges and outlines turn into system colors in forced-colors mode. */
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--passkey-color-primary, light-dark(#1d4ed8, #93c5fd));
    color: var(--passkey-color-on-primary, light-dark(#fff, #0b1220));
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    cursor: pointer;
    transition: filter 0.12s;
  }

  .button:hover:not([disabled], [aria-disabled='true']) {
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

  /* Before a label that comes first (see ceremony-view.ts). */
  .icon,
  .spinner {
    order: -1;
  }

  .spinner + .icon {
    display: none;
  }

  p {
    margin: 0;
  }

  .description {
    line-height: 1.5;
  }

  .status,
  .error {
    font-size: 0.9375em;
  }

  .status {
    color: var(--passkey-color-muted, light-dark(#4b5563, #cbd5e1));
  }

  .success,
  :host(:state(success)) .status {
    color: var(--passkey-color-success, light-dark(#15803d, #86efac));
    font-weight: 600;
  }

  .error {
    color: var(--passkey-color-danger, light-dark(#b91c1c, #fca5a5));
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
  }
`;
