import { render } from 'solid-js/web';
import { loadFirstWords, savedLocale } from '../i18n/i18n-context';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// An English tablet gets its catalogue before the first paint; a Vietnamese one waits for nothing (the
// first screens' words ship in this script, the rest follow the first paint).
await loadFirstWords(savedLocale());
// The HTML's placeholder goes as the app renders: Solid's render appends, and the two never show together.
root.textContent = '';
render(() => <App />, root);
