import { css } from '../../styles/static-css.js';

export const stepUpChallengeStyles = css`
  .dialog {
    width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_spacing) * 2);
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--passkey-color-surface, light-dark(#fff, #111827));
    color: var(--passkey-color-text, light-dark(#111827, #f3f4f6));
    box-shadow: 0 20px 50px rgb(0 0 0 / 0.3);
  }

  .dialog::backdrop {
    background: var(--passkey-color-backdrop, rgb(15 23 42 / 0.6));
  }

  .dialog .base {
    align-items: stretch;
  }

  .title {
    font-size: 1.25em;
    line-height: 1.3;
  }

  .description {
    line-height: 1.5;
  }

  /* Also a .button: only the look differs. */
  .close {
    border-color: currentColor;
    background: none;
    color: inherit;
    font-weight: 400;
  }
`;
