import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ClubProvider } from '../../data/club/club-context';
import { type ClubSession, openClubSession } from '../../data/club/club-session';
import { createClubOnTablet } from '../../data/club/create-club';
import { openHealthSession } from '../../data/health/health-session';
import { PendingWritesProvider } from '../../data/session/pending-writes';
import { createScreenUndo, ScreenUndoProvider } from '../../data/session/screen-undo';
import { I18nProvider } from '../../i18n/i18n-context';
import { HealthThresholdsForm } from './health-thresholds-form';

const hoa = { id: 'device-hoa', name: 'Nguyễn Thị Hoa' };
const sessions: ClubSession[] = [];

afterEach(async () => {
  cleanup();
  for (const session of sessions.splice(0)) await session.close();
  localStorage.clear();
});

async function showForm(role: 'editor' | 'viewer' = 'editor') {
  const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, hoa);
  if (!created.ok) throw new Error('club not created');
  if (role === 'viewer') {
    const clubs = JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]');
    clubs[0].access = { role: 'viewer', key: 'k'.repeat(43), shared: false };
    localStorage.setItem('chungtay.clubs', JSON.stringify(clubs));
  }
  const club = await openClubSession(created.value, hoa);
  sessions.push(club);
  render(() => (
    <I18nProvider>
      <PendingWritesProvider>
        <ClubProvider session={club}>
          <ScreenUndoProvider value={createScreenUndo(club)}>
            <HealthThresholdsForm />
          </ScreenUndoProvider>
        </ClubProvider>
      </PendingWritesProvider>
    </I18nProvider>
  ));
  return created.value;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, text: string) => fireEvent.input(field(label), { target: { value: text } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

describe('HealthThresholdsForm', () => {
  it('shows the national values, refuses impossible ones in Vietnamese and keeps what was typed', async () => {
    const clubId = await showForm();
    const high = 'Huyết áp cao khi tâm thu từ (mmHg)';
    await waitFor(() => expect(field(high).value).toBe('140'));
    expect(field('Đường huyết cao khi từ (mmol/L)').value).toBe('11,1');

    type(high, '14O');
    type('Đường huyết thấp khi dưới (mmol/L)', '0,5');
    type('Huyết áp thấp khi tâm trương dưới (mmHg)', '95');
    save();
    expect(await screen.findByText('Hãy nhập một con số, ví dụ 140 hoặc 11,1.')).toBeTruthy();
    expect(screen.getByText('Hãy nhập một số từ 2 đến 7.')).toBeTruthy();
    expect(screen.getByText('Hãy nhập một số từ 30 đến 90.')).toBeTruthy();
    expect(field(high).value).toBe('14O');

    type(high, '130');
    type('Đường huyết thấp khi dưới (mmol/L)', '4');
    type('Huyết áp thấp khi tâm trương dưới (mmHg)', '85');
    type('Huyết áp cao khi tâm trương từ (mmHg)', '80');
    save();
    expect(await screen.findAllByText('Mức thấp phải nhỏ hơn mức cao.')).toHaveLength(2);
    expect(field('Huyết áp cao khi tâm trương từ (mmHg)').value).toBe('80');

    type('Huyết áp thấp khi tâm trương dưới (mmHg)', '60');
    save();
    await waitFor(() => expect(screen.queryByText('Mức thấp phải nhỏ hơn mức cao.')).toBeNull());
    cleanup();
    // Saved in the health doc, where the follow-up flags read them.
    const health = await openHealthSession(clubId, hoa);
    expect(health.view.thresholds).toMatchObject({ highSystolic: 130, highDiastolic: 80, lowGlucoseMmol: 4 });
    await health.close();
  });

  it('restores the national values after asking', async () => {
    const clubId = await showForm();
    const high = 'Huyết áp cao khi tâm thu từ (mmHg)';
    await waitFor(() => expect(field(high).value).toBe('140'));
    type(high, '130');
    save();
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục mức chuẩn quốc gia' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Khôi phục mức chuẩn quốc gia' }));
    await waitFor(() => expect(field(high).value).toBe('140'));
    cleanup();
    const health = await openHealthSession(clubId, hoa);
    expect(health.view.thresholds.highSystolic).toBe(140);
    await health.close();
  });

  it('tells a viewer tablet that only the committee sees the thresholds', async () => {
    await showForm('viewer');
    expect(screen.getByText('Chỉ máy của Ban Chủ nhiệm xem và đổi được các ngưỡng này.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });
});
