import { html, nothing } from 'lit';
import { adoptStyles, css } from '../../../internal/adopted-styles.js';

const METHOD_CSS = css`
  .link {
    align-self: flex-start;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--passkey-color-primary, light-dark(#1d4ed8, #93c5fd));
    font: inherit;
    font-size: 0.9375em;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .link:focus-visible,
  .code:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }
  .link[disabled],
  .link[aria-disabled='true'] {
    color: var(--passkey-color-muted, light-dark(#4b5563, #cbd5e1));
    text-decoration: none;
    cursor: not-allowed;
  }
  .methods,
  .code-form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_spacing) / 1.5);
  }
  .option {
    min-width: 14rem;
  }
  .code-row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 1.5);
  }
  .code-label {
    font-weight: 600;
  }
  .code {
    width: 9em;
    min-height: 2.75rem;
    padding: 0 0.6em;
    border: 1px solid var(--passkey-color-muted, light-dark(#4b5563, #cbd5e1));
    border-radius: var(--_radius);
    background: var(--passkey-color-surface, light-dark(#fff, #111827));
    color: inherit;
    font: inherit;
    font-size: 1.25em;
    letter-spacing: 0.15em;
    font-variant-numeric: tabular-nums;
  }
  .code[aria-invalid='true'] {
    border-color: var(--passkey-color-danger, light-dark(#b91c1c, #fca5a5));
  }
`;

/**
 * The other methods' styles, added to the element's shadow root when they load (a passkey-only
 * page does not pay for them). They use the theme the shared styles set up (the `--passkey-*`
 * properties and their fallbacks).
 */
export const adoptMethodStyles = (root: ShadowRoot): boolean => adoptStyles(root, METHOD_CSS);

/** The fallback: the same rules in a `<style>` of the view. */
export const fallbackStyles = (adopted: boolean) =>
  adopted
    ? nothing
    : html`<style>
        ${METHOD_CSS}
      </style>`;
