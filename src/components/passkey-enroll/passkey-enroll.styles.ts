import { css } from 'lit';

export const passkeyEnrollStyles = css`
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
`;
