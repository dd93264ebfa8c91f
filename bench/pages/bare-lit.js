// The least a Lit element with one button can cost: what 1,000 of ours are compared with.
import { LitElement, html } from 'lit';

customElements.define(
  'bare-lit-button',
  class extends LitElement {
    render() {
      return html`<button type="button">Create a passkey</button>`;
    }
  },
);
