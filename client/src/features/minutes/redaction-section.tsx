import type { MemberId, Occurrence } from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { trustedTabletKeys } from '../../device/key-pins';
import { readTabletPerson } from '../../device/person';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { showToast } from '../../ui/toast/toast';
import { placeWords } from './redaction-words';
import { registeredSigner } from './registered-signer';

/**
 * Taking an erased member's name out of the minutes (issue 12 §2): the committee types the name, sees every
 * place it stands, and confirms; the minutes are then rewritten as a new generation with "[đã xóa]" there
 * (data/minutes/minutes-rewrite.ts) and the page reopens on it. Not undoable, so it asks once more.
 */
export function RedactionSection(props: { session: MinutesSession }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const [name, setName] = createSignal('');
  const [found, setFound] = createSignal<readonly Occurrence[] | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [working, setWorking] = createSignal(false);
  const synced = () => ['synced', 'localOnly'].includes(props.session.syncStatus().type);
  const find = () => {
    setConfirming(false);
    setFound(name().trim() === '' ? null : props.session.findName(name()));
  };
  const redact = async () => {
    const by = readTabletPerson(club.clubId);
    if (by === null) return showToast(t('redaction.needPerson'), 'error');
    setWorking(true);
    try {
      if ((await registeredSigner(club, i18n, by as MemberId)) === null) return;
      const trusted = trustedTabletKeys(club.clubId, club.commands.tabletKeys());
      const result = await props.session.redact([name()], by as MemberId, trusted.keys);
      if (result.ok) showToast(t('redaction.done', { count: result.value.count }), 'success');
      else showToast(t(`redaction.errors.${result.error.type}`), 'error');
    } finally {
      setWorking(false);
      setConfirming(false);
    }
  };
  return (
    <section
      class="minutes-section card no-print"
      aria-labelledby="minutes-redaction"
      data-testid="redaction"
    >
      <h2 id="minutes-redaction">{t('redaction.title')}</h2>
      <p class="muted">{t('redaction.hint')}</p>
      <div class="actions-row">
        <TextField label={t('redaction.nameLabel')} value={name()} onChange={setName} name="redaction-name" />
        <Button variant="secondary" onClick={find}>
          {t('redaction.find')}
        </Button>
      </div>
      <Show when={found()}>
        {(occurrences) => (
          <>
            <Show when={occurrences().length > 0}>
              <p role="status">{t('redaction.found', { count: occurrences().length })}</p>
              <ul class="redaction-places" data-testid="redaction-places">
                <For each={occurrences()}>
                  {(occurrence) => (
                    <li>
                      <strong>{placeWords(t, occurrence.place, props.session.view.agenda)}</strong>:{' '}
                      {occurrence.excerpt}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={occurrences().length === 0}>
              <p role="status">{t('redaction.notFound')}</p>
              <p class="muted">{t('redaction.notFoundHistory')}</p>
            </Show>
            <Show when={!synced()}>
              <p class="field-error">{t('redaction.needSync')}</p>
            </Show>
            <Show
              when={confirming()}
              fallback={
                <Button variant="danger" disabled={!synced()} onClick={() => setConfirming(true)}>
                  {occurrences().length > 0
                    ? t('redaction.redact', { count: occurrences().length })
                    : t('redaction.rewriteOnly')}
                </Button>
              }
            >
              <p class="banner banner-warning" role="alert">
                {t('redaction.confirm')}
              </p>
              <div class="actions-row">
                <Button variant="danger" disabled={working() || !synced()} onClick={() => void redact()}>
                  {working() ? t('redaction.working') : t('redaction.confirmYes')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('redaction.cancel')}
                </Button>
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
