// Entry point: global styles and the App component, mounted into #app.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/styles/global.css';
import './ui/styles/code.css';
import './ui/styles/panels.css';
import './ui/styles/tables.css';
import './ui/styles/settings-form.css';
import './ui/styles/leaderboard.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
