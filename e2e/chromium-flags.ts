/**
 * The flags every Chromium of the tests and benchmarks starts with: this machine's network is closed, and
 * without them Chromium keeps trying to reach Google's hosts (see ../shared/toolchain.md).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
