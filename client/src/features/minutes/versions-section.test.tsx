// @vitest-environment happy-dom
import { captureVersion, readMinutes } from '@chungtay/model';
import { render } from 'solid-js/web';
import { describe, expect, it } from 'vitest';
import { alice, carol, value } from '../../../../packages/model/test/fixtures';
import { AT, LAN, newMinutes } from '../../../../packages/model/test/minutes-fixtures';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { I18nProvider } from '../../i18n/i18n-context';
import { formatChangeTime } from './change-words';
import { VersionsSection } from './versions-section';

describe('VersionsSection', () => {
  it('lists real versions with the saver’s name and the time, never an id', () => {
    const doc = newMinutes();
    value(captureVersion(doc, { by: LAN, at: AT, label: 'Trước khi sửa' }, alice));
    value(captureVersion(doc, { by: 'Q3xZk8vT2mWp9LrB4nYd1A', at: AT, label: 'Bản 2' }, carol));
    // Only what the section reads: the live view and whether this tablet may edit.
    const session = { view: readMinutes(doc), canEdit: () => false } as unknown as MinutesSession;
    const host = document.createElement('div');
    const dispose = render(
      () => (
        <I18nProvider>
          <VersionsSection session={session} nameOf={(id) => (id === LAN ? 'Nguyễn Thị Lan' : '')} />
        </I18nProvider>
      ),
      host,
    );
    const lines = [...host.querySelectorAll('[data-testid="version"] span')].map((s) => s.textContent);
    dispose();
    const at = formatChangeTime(AT);
    expect(lines).toEqual([`Bản 2 · một máy khác · ${at}`, `Trước khi sửa · Nguyễn Thị Lan · ${at}`]);
  });
});
