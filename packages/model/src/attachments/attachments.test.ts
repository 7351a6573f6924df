import { describe, expect, it } from 'vitest';
import { alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { deliver, forkPeers } from '../../test/peers';
import { readClub } from '../club/read-club';
import { addMeeting } from '../meetings/meeting-commands';
import {
  type AttachmentInput,
  attachToMeeting,
  detachFromMeeting,
  listMeetingAttachments,
  setMeetingAttachmentCaption,
} from './attachments';

const photo = (hash: string, caption = ''): AttachmentInput => ({
  hash: hash.repeat(64).slice(0, 64),
  kind: 'photo',
  contentType: 'image/jpeg',
  size: 240_000,
  width: 1600,
  height: 1200,
  caption,
  scope: 'club',
});

function meetingDoc() {
  const { doc } = newClub();
  const meetingId = value(
    addMeeting(
      doc,
      { date: '2026-03-10', time: '08:00', kind: 'regular', place: '', chairId: null, secretaryId: null },
      alice,
      TODAY,
    ),
  );
  return { doc, meetingId };
}

describe('attachments on a meeting', () => {
  it('records the photo by hash with who attached it and when, and a trimmed caption', () => {
    const { doc, meetingId } = meetingDoc();
    value(attachToMeeting(doc, meetingId, photo('a', ' Tập dưỡng sinh '), alice, '2026-03-10T08:30:00'));
    expect(listMeetingAttachments(doc, meetingId)).toEqual([
      { ...photo('a', 'Tập dưỡng sinh'), byId: 'alice', byName: 'Lan', at: '2026-03-10T08:30:00' },
    ]);
    // The club view the screens read carries them too, and a meeting without any carries none.
    expect(readClub(doc).meetings[0]?.attachments).toEqual(listMeetingAttachments(doc, meetingId));
    expect(readClub(meetingDoc().doc).meetings[0]?.attachments).toBeUndefined();
  });

  it('refuses a malformed hash, a size of 0 and a caption too long, and writes nothing', () => {
    const { doc, meetingId } = meetingDoc();
    const result = attachToMeeting(
      doc,
      meetingId,
      { ...photo('a', 'x'.repeat(201)), hash: 'nope', size: 0 },
      alice,
      'now',
    );
    expect(result).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { hash: 'required', size: 'numberRange', caption: 'tooLong' } },
    });
    expect(listMeetingAttachments(doc, meetingId)).toEqual([]);
  });

  it('changes a caption and takes a photo off; an unknown photo is not found', () => {
    const { doc, meetingId } = meetingDoc();
    value(attachToMeeting(doc, meetingId, photo('b'), alice, '2026-03-10T08:30:00'));
    value(setMeetingAttachmentCaption(doc, meetingId, photo('b').hash, 'Biên bản đã ký', bob));
    expect(listMeetingAttachments(doc, meetingId)[0]?.caption).toBe('Biên bản đã ký');
    value(detachFromMeeting(doc, meetingId, photo('b').hash, alice));
    expect(listMeetingAttachments(doc, meetingId)).toEqual([]);
    expect(detachFromMeeting(doc, meetingId, photo('b').hash, alice)).toMatchObject({ ok: false });
  });

  it('keeps both photos two tablets attach at once, in either order of exchange, listed alike', () => {
    for (const reversed of [false, true]) {
      const { doc, meetingId } = meetingDoc();
      const [one, two] = forkPeers(doc, 2) as [typeof doc, typeof doc];
      value(attachToMeeting(one, meetingId, photo('c'), alice, '2026-03-10T08:30:00'));
      value(attachToMeeting(two, meetingId, photo('d'), bob, '2026-03-10T08:30:00'));
      if (reversed) {
        deliver(two, one);
        deliver(one, two);
      } else {
        deliver(one, two);
        deliver(two, one);
      }
      const hashes = listMeetingAttachments(one, meetingId).map((a) => a.hash);
      expect(hashes).toEqual([photo('c').hash, photo('d').hash]);
      expect(listMeetingAttachments(two, meetingId)).toEqual(listMeetingAttachments(one, meetingId));
    }
  });

  it('counts the same photo attached on two tablets once', () => {
    const { doc, meetingId } = meetingDoc();
    const [one, two] = forkPeers(doc, 2) as [typeof doc, typeof doc];
    value(attachToMeeting(one, meetingId, photo('e'), alice, '2026-03-10T08:30:00'));
    value(attachToMeeting(two, meetingId, photo('e'), bob, '2026-03-10T08:31:00'));
    deliver(one, two);
    deliver(two, one);
    expect(listMeetingAttachments(one, meetingId)).toHaveLength(1);
    expect(listMeetingAttachments(two, meetingId)).toEqual(listMeetingAttachments(one, meetingId));
  });
});
