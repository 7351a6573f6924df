/** House rules enforced by a test rather than memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const relaySrc = join(__dirname, '../src');
const protocolSrc = join(__dirname, '../../packages/protocol/src');
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');

describe('dependency rules', () => {
  it('the relay never imports the model, is document-agnostic', () => {
    for (const file of sources(relaySrc))
      expect(
        imports(file).filter((i) => i.startsWith('@chungtay/model')),
        file,
      ).toEqual([]);
  });

  it('the protocol imports nothing but its own files', () => {
    for (const file of sources(protocolSrc))
      expect(
        imports(file).filter((i) => !i.startsWith('./')),
        file,
      ).toEqual([]);
  });

  it('only main.ts reads the environment, and nothing logs with console', () => {
    for (const file of sources(relaySrc)) {
      const text = readFileSync(file, 'utf8');
      if (relative(relaySrc, file) !== 'main.ts') expect(text.includes('process.env'), file).toBe(false);
      expect(/\bconsole\./.test(text), file).toBe(false);
    }
  });
});
