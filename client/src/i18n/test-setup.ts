import { loadCatalogue } from './i18n-context';

// Components under test read words from every screen, and a test renders no first paint to wait for: the
// whole Vietnamese catalogue is there from the start, as it is on a tablet a moment after opening.
await loadCatalogue('vi');
