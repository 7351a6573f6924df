import type { Member, MemberId } from '@chungtay/model';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { ReportSession } from '../../data/report/report-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { showToast } from '../../ui/toast/toast';
import { firstError, formatInstant, minutesFeedback } from '../minutes/minutes-feedback';
import { registeredSigner } from '../minutes/registered-signer';

/**
 * The chair reopens an approved report, with a reason, signed by this tablet's key (registered under the
 * chair, as for minutes); the reopenings are listed with their signature checked on every tablet.
 * `onReopened(revision)`: the approval withdrawn, so the page can take it out of the supervisors' summary.
 */
export function ReportReopen(props: {
  session: ReportSession;
  chair: Member | undefined;
  onReopened: (revision: number) => void;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const view = props.session.view;
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const nameOf = (id: MemberId) => club.club.members.find((m) => m.id === id)?.fullName ?? '';
  // Rechecked when a reopening arrives (any tablet, after sync) or a tablet key is registered.
  const [statuses] = createResource(
    () => ({ count: view.reopenings.length, keys: club.club.members.length }),
    () => props.session.verifyReopenings(club.commands.tabletKeys()),
  );
  const reopen = async () => {
    const chair = props.chair;
    if (chair === undefined || busy()) return;
    setBusy(true);
    try {
      const signer = await registeredSigner(club, i18n, chair.id as MemberId, 'report.approveFailed');
      if (signer === null) return;
      const revision = view.reopenings.length;
      const result = await props.session.commands.reopen(chair.id, chair.id, reason(), signer);
      const problem = firstError(i18n, minutesFeedback(i18n, result));
      setReasonError(problem);
      if (!result.ok) return;
      setReason('');
      showToast(t('report.reopen.done'), 'success');
      props.onReopened(revision);
    } catch (error) {
      // The tablet's key could not sign (storage cleared under it, say): nothing was recorded.
      showToast(t('signatures.signFailed', { reason: String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Show when={view.frozen && props.chair}>
        <div class="card no-print report-reopen" data-testid="report-reopen">
          <h2>{t('report.reopen.title')}</h2>
          <p class="muted">{t('report.reopen.hint')}</p>
          <TextField
            label={t('report.reopen.reason')}
            value={reason()}
            onChange={setReason}
            error={reasonError()}
            multiline
          />
          <Button onClick={() => void reopen()} disabled={busy() || !props.session.canEdit()}>
            {t('report.reopen.button')}
          </Button>
        </div>
      </Show>
      <Show when={view.reopenings.length > 0}>
        <div class="card no-print" data-testid="report-reopenings">
          <h2>{t('report.reopen.history')}</h2>
          <ul>
            <For each={view.reopenings}>
              {(r, index) => (
                <li>
                  {t('report.reopen.entry', {
                    at: formatInstant(r.at),
                    name: nameOf(r.by),
                    reason: r.reason,
                  })}
                  {' · '}
                  <strong data-signature={statuses()?.[index()] ?? 'checking'}>
                    {t(`signatures.${statuses()?.[index()] ?? 'checking'}`)}
                  </strong>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </>
  );
}
