// The tags' properties and events, for svelte-check.
import type {} from 'passkey-elements/jsx-svelte';
