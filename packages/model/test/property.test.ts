import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { getComposition } from '../src/indicators/composition';
import { getGroupSizes, getMeetingAttendance } from '../src/indicators/groups-attendance';
import { listPossibleDuplicates } from '../src/roster/duplicates';
import { alice, bob, carol, TODAY } from './fixtures';
import { deliver, expectConvergence, forkPeers } from './peers';
import { baseClub, run, step } from './random-commands';

describe('random command sequences on three peers', () => {
  it('converge to the same view in every exchange order', () => {
    const origins = [alice, bob, carol] as const;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 24 }), (steps) => {
        const { doc, base } = baseClub();
        const peers = forkPeers(doc, 3);
        for (const s of steps) {
          if ('command' in s) run(peers[s.peer] as Y.Doc, base, s.command, origins[s.peer] ?? alice);
          else if (s.from !== s.to) deliver(peers[s.from] as Y.Doc, peers[s.to] as Y.Doc);
        }
        const view = expectConvergence(peers);
        // Merges resolve to records that are not merged themselves, and nothing points at a merged record.
        const merged = new Set<string>(view.members.filter((m) => m.mergedInto !== null).map((m) => m.id));
        for (const m of view.members) if (m.mergedInto !== null) expect(merged.has(m.mergedInto)).toBe(false);
        for (const g of view.groups) for (const id of g.memberIds) expect(merged.has(id)).toBe(false);
        for (const meeting of view.meetings) {
          for (const id of Object.keys(meeting.attendance)) expect(merged.has(id)).toBe(false);
        }
        // The derived queries must cope with whatever the merge produced.
        expect(() => {
          getComposition(view, TODAY);
          getGroupSizes(view);
          listPossibleDuplicates(view);
          for (const meeting of view.meetings) getMeetingAttendance(view, meeting.id);
        }).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});
