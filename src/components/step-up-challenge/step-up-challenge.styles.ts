import { css } from 'lit';

export const stepUpChallengeStyles = css`
  :host {
    --_surface: var(--passkey-color-surface, #ffffff);
    --_surface-text: var(--passkey-color-text, #111827);
    --_backdrop: var(--passkey-color-backdrop, rgb(15 23 42 / 0.6));
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--passkey-color-surface, #111827);
      --_surface-text: var(--passkey-color-text, #f3f4f6);
    }
  }

  .dialog {
    width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_spacing) * 2);
    border: none;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_surface-text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    box-shadow: 0 20px 50px rgb(0 0 0 / 0.3);
  }

  .dialog::backdrop {
    background: var(--_backdrop);
  }

  .dialog .base {
    align-items: stretch;
  }

  .title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }

  .description {
    line-height: 1.5;
  }

  .close {
    min-height: 2.75rem;
    padding: 0 calc(var(--_spacing) * 1.5);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .close:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }

  @media (forced-colors: active) {
    .dialog {
      border: 1px solid CanvasText;
    }
    .close:focus-visible {
      outline: 2px solid Highlight;
    }
  }
`;
