import type { HealthView, MeetingId, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import fc from 'fast-check';
import { createComputed, createRoot } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { describe, expect, it } from 'vitest';
// The model's two-peer scenarios: the same random sequences its own follower test runs.
import {
  applyHealthStep,
  healthPeers,
  healthStep,
  MEETINGS,
  MEMBERS,
  startDoc,
} from '../../../../packages/model/test/health-scenario';
import { deliver } from '../../../../packages/model/test/peers';
import { projectHealth } from './health-projection';

const me = model.localOrigin({ id: 'tablet-1:lan', name: 'Lan' });

/** Lets the projection's microtask run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** What the screens see, as plain data. */
const plain = (view: HealthView): unknown => JSON.parse(JSON.stringify(unwrap(view)));

describe('projectHealth', () => {
  it('keeps the store equal to a full read through random writes on two peers in random orders', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(healthStep, { maxLength: 25 }), async (steps) => {
        const peers = healthPeers();
        const projections = peers.map((peer) => projectHealth(peer));
        const check = () =>
          peers.forEach((peer, i) => {
            expect(plain(projections[i]?.view as HealthView)).toEqual(plain(model.readHealth(peer)));
          });
        for (const step of steps) {
          applyHealthStep(peers, step);
          await settle();
          check();
        }
        deliver(peers[0], peers[1]);
        deliver(peers[1], peers[0]);
        await settle();
        check();
        for (const projection of projections) projection.stop();
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('with a scope, keeps the store equal to the full read of that meeting or member', async () => {
    const scopes: model.HealthCheckScope[] = [
      { meetingId: MEETINGS[0] as MeetingId },
      { memberId: MEMBERS[1] as MemberId },
    ];
    const inScope = (view: HealthView, scope: model.HealthCheckScope): HealthView => ({
      ...view,
      checks: view.checks.filter((c) =>
        'meetingId' in scope ? c.meetingId === scope.meetingId : c.memberId === scope.memberId,
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(healthStep, { maxLength: 25 }), async (steps) => {
        const peers = healthPeers();
        const projections = peers.flatMap((peer) =>
          scopes.map((scope) => ({ peer, scope, p: projectHealth(peer, scope) })),
        );
        const check = () => {
          for (const { peer, scope, p } of projections)
            expect(plain(p.view)).toEqual(plain(inScope(model.readHealth(peer), scope)));
        };
        for (const step of steps) {
          applyHealthStep(peers, step);
          await settle();
          check();
        }
        deliver(peers[0], peers[1]);
        deliver(peers[1], peers[0]);
        await settle();
        check();
        for (const { p } of projections) p.stop();
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('writes one check for a value typed, leaving the other rows alone', async () => {
    const doc = startDoc();
    const meetingId = 'meeting-2026-03' as MeetingId;
    const members = ['member-000001', 'member-000002', 'member-000003'] as MemberId[];
    doc.transact(() => {
      for (const memberId of members)
        model.recordHealthCheck(doc, { meetingId, memberId, takenAt: '2026-03-20', weightKg: 50 }, me);
    }, me);
    const { view, stop } = projectHealth(doc);
    const untouched = unwrap(view).checks[0];
    let listRuns = 0;
    let otherRuns = 0;
    let typed: (number | null | undefined)[] = [];
    const dispose = createRoot((dispose) => {
      createComputed(() => {
        void view.checks.length;
        listRuns++;
      });
      createComputed(() => {
        void view.checks[0]?.weightKg;
        otherRuns++;
      });
      createComputed(() => {
        typed = [...typed, view.checks[2]?.weightKg];
      });
      return dispose;
    });
    model.recordHealthCheck(
      doc,
      { meetingId, memberId: members[2] as MemberId, takenAt: '2026-03-20', weightKg: 61 },
      me,
    );
    await settle();
    expect(typed).toEqual([50, 61]);
    expect(listRuns).toBe(1);
    expect(otherRuns).toBe(1);
    expect(unwrap(view).checks[0]).toBe(untouched);
    dispose();
    stop();
  });
});
