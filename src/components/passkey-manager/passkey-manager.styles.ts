import { css } from '../../styles/static-css.js';

export const passkeyManagerStyles = css`
  :host {
    display: block;
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_spacing) / 1.5);
    width: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_spacing) / 1.5);
    padding: calc(var(--_spacing) / 1.5) var(--_spacing);
    border: 1px solid var(--passkey-color-muted, light-dark(#4b5563, #cbd5e1));
    border-radius: var(--_radius);
  }

  .meta {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }

  .name {
    font-weight: 600;
  }

  .detail,
  .note {
    color: var(--passkey-color-muted, light-dark(#4b5563, #cbd5e1));
    font-size: 0.9375em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 1.5);
  }

  /* Also a .button: only the look differs. */
  .secondary {
    border-color: currentColor;
    background: none;
    color: inherit;
    font-weight: 400;
  }
`;
