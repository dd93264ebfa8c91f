// The elements first: Svelte sets a property only on an element that already has it.
import 'passkey-elements';
import { mount } from 'svelte';
import App from './App.svelte';

const config = await (await fetch('/api/config')).json();
mount(App, { target: document.getElementById('app')!, props: { config } });
