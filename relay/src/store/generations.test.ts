import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  isRetiredGeneration,
  olderGenerations,
  parseGenerationName,
  retiringGenerations,
} from './generations';
import { MemoryDocStore } from './memory-doc-store';

const ID_A = 'AbCdEfGhIjKlMnOpQrSt_-';
const ID_B = 'ZyXwVuTsRqPoNmLkJiHgFe';
const update = () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x');
  return Y.encodeStateAsUpdate(doc);
};

describe('minutes generations on the relay', () => {
  it('reads a generation from a document name, and nothing from other names', () => {
    expect(parseGenerationName(`club0001/meeting/m_1_${ID_A}`)).toEqual({
      base: 'club0001/meeting/m',
      number: 1,
    });
    // A meeting id with underscores and digits of its own is still read from the end.
    expect(parseGenerationName(`club0001/meeting/a_12_${ID_B}_3_${ID_A}`)).toEqual({
      base: `club0001/meeting/a_12_${ID_B}`,
      number: 3,
    });
    for (const name of ['club0001/meeting/m', `club0001/health_1_${ID_A}`, `club0001/meeting/m_1_short`])
      expect(parseGenerationName(name), name).toBeNull();
  });

  it('replaces generation 0 and every lower generation, not a concurrent one of the same number', () => {
    const stored = [`c/meeting/m_1_${ID_A}`, `c/meeting/m_1_${ID_B}`, `c/meeting/m_2_${ID_A}`];
    expect(olderGenerations(`c/meeting/m_2_${ID_B}`, stored)).toEqual([
      'c/meeting/m',
      `c/meeting/m_1_${ID_A}`,
      `c/meeting/m_1_${ID_B}`,
    ]);
    expect(olderGenerations('c/meeting/m', stored)).toEqual([]);
  });

  it('retires after the new generation is stored, and leaves other documents alone', async () => {
    const inner = new MemoryDocStore();
    const retired: string[][] = [];
    const store = retiringGenerations(inner, (names) => retired.push([...names]));
    for (const name of ['c/meeting/m', 'c/meeting/m2', 'c/health']) await store.append(name, update());
    expect(retired).toEqual([]);
    await store.append(`c/meeting/m_1_${ID_A}`, update());
    expect(retired).toEqual([['c/meeting/m']]);
    expect((await inner.load('c/meeting/m')).updates).toEqual([]);
    expect((await inner.load(`c/meeting/m_1_${ID_A}`)).updates).toHaveLength(1);
    await expect(store.append('c/meeting/m', update())).rejects.toThrow(/retired/);
    for (const name of ['c/meeting/m2', 'c/health']) expect((await inner.load(name)).updates).toHaveLength(1);
  });

  it('tells a retired generation by a later one in the store, never a concurrent one or another document', async () => {
    const store = new MemoryDocStore();
    for (const name of ['c/meeting/m', `c/meeting/m_1_${ID_A}`, `c/meeting/m_1_${ID_B}`, 'c/meeting/m2'])
      await store.append(name, update());
    expect(await isRetiredGeneration(store, 'c/meeting/m')).toBe(true);
    for (const name of [`c/meeting/m_1_${ID_A}`, `c/meeting/m_1_${ID_B}`, 'c/meeting/m2', 'c/health', 'c'])
      expect(await isRetiredGeneration(store, name), name).toBe(false);
    await store.append(`c/meeting/m_2_${ID_A}`, update());
    expect(await isRetiredGeneration(store, `c/meeting/m_1_${ID_B}`)).toBe(true);
  });
});
