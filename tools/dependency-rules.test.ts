import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rules of ../shared/style.md, checked on every import so they
// hold by test rather than by memory.
const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    found.push(match[1] ?? match[2] ?? '');
  }
  return found;
}

function violations(dir: string, isForbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => isForbidden(spec, file))
      .map((spec) => `${relative(root, file)} imports ${spec}`),
  );
}

describe('dependency rules', () => {
  it('packages/model imports only yjs and valibot (and its own files)', () => {
    const allowed = (spec: string) =>
      spec.startsWith('.') ||
      spec === 'yjs' ||
      spec === 'valibot' ||
      spec === 'vitest' ||
      spec === 'fast-check';
    expect(violations('packages/model/src', (spec) => !allowed(spec))).toEqual([]);
  });

  it('packages/protocol imports nothing from the workspace', () => {
    expect(violations('packages/protocol/src', (spec) => spec.startsWith('@chungtay/'))).toEqual([]);
  });

  it('packages/sync-frames imports only yjs, lib0 and the protocol (and its own files)', () => {
    // The protocol is a leaf without dependencies: its message numbers are the frames' wire format.
    const allowed = (spec: string) =>
      spec.startsWith('.') ||
      spec === 'yjs' ||
      spec.startsWith('lib0/') ||
      spec === '@chungtay/protocol' ||
      spec === 'vitest';
    expect(violations('packages/sync-frames/src', (spec) => !allowed(spec))).toEqual([]);
  });

  it('the relay never imports the club model: it is document-agnostic', () => {
    expect(violations('relay/src', (spec) => spec === '@chungtay/model')).toEqual([]);
  });

  it('client features and ui reach Yjs and sync only through data/', () => {
    const forbidden = (spec: string) =>
      ['yjs', 'y-indexeddb', 'y-websocket', 'y-protocols'].includes(spec) ||
      spec.startsWith('y-protocols/') ||
      /(^|\/)sync\//.test(spec);
    const found = [
      ...violations('client/src/features', forbidden),
      ...violations('client/src/ui', forbidden),
    ];
    expect(found).toEqual([]);
  });

  it('client features and ui never import the app shell: the arrow goes app → features only', () => {
    const fromApp = (spec: string) => /(^|\/)app\//.test(spec);
    const found = [...violations('client/src/features', fromApp), ...violations('client/src/ui', fromApp)];
    expect(found).toEqual([]);
  });

  it('client ui stays free of the data layer, device data and screens: it receives what it shows', () => {
    const forbidden = (spec: string) => /(^|\/)(data|device|features)\//.test(spec);
    expect(violations('client/src/ui', forbidden)).toEqual([]);
  });

  it('client sync/ and device/ adapters sit below data/: they never import data/, features/ or app/', () => {
    const upward = (spec: string) => /(^|\/)(data|features|app)\//.test(spec);
    const found = [...violations('client/src/sync', upward), ...violations('client/src/device', upward)];
    expect(found).toEqual([]);
  });

  it('the checker itself finds a forbidden import', () => {
    expect(importsOf(join(root, 'tools/dependency-rules.test.ts'))).toContain('node:fs');
    // A move that leaves a folder empty would make the rules above pass on nothing.
    for (const dir of ['client/src/features', 'client/src/ui', 'client/src/sync', 'client/src/device']) {
      expect(sourceFiles(join(root, dir)).length).toBeGreaterThan(0);
    }
  });
});
