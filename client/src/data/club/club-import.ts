// The register import's command, on its own so the bundler keeps its model code with the import screen
// (its only caller) instead of the roster's first chunk. See `importMembers` in club-commands.ts.
export { importMembers } from '@chungtay/model';
