// Picks the theme from ?theme=, and puts the third element in its error state (no tenant id).
const theme = new URLSearchParams(location.search).get('theme') ?? 'light';
document.documentElement.dataset.theme = theme;
await customElements.whenDefined('passkey-enroll');
const failing = document.getElementById('failing');
await failing.updateComplete;
failing.shadowRoot.querySelector('[part="button"]').click();
await new Promise((resolve) => failing.addEventListener('passkey-enroll-error', resolve, { once: true }));
await failing.updateComplete;
document.body.dataset.ready = 'true';
