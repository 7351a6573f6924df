import { listPairingVisits } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { useHealthSession } from '../health-check/use-health-session';
import { PhotoStrip } from '../photos/photo-strip';
import { feedback } from '../shared/command-feedback';
import { useCare } from './care-context';
import { memberNames } from './care-names';
import { PairingConflicts } from './pairing-conflicts';
import { PairingEditForm } from './pairing-edit-form';
import { VisitForm } from './visit-form';

/** One pairing: record a visit, its visit log newest first, end (or reopen) the pairing, print its log. */
export default function PairingPage(props: { pairingId: string }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const names = createMemo(() => memberNames(club.club));
  const pairing = createMemo(() => care.view.pairings.find((p) => p.id === props.pairingId));
  const visits = createMemo(() => listPairingVisits(care.view, props.pairingId));
  const editable = () => club.canEdit() && !care.view.readOnly;
  const base = () => `/club/${club.clubId}/care`;
  // The visits' health notes live in the private health doc: open it beside the care doc (the same
  // committee-only rule lets this tablet open both), so the log shows them and the form can write one.
  const health = useHealthSession();
  const healthNotes = createMemo(
    () => new Map((health.session()?.view.visitNotes ?? []).map((n) => [n.visitId, n.note])),
  );
  return (
    <Show when={pairing()} fallback={<p class="empty">{t('errors.notFound')}</p>}>
      {(p) => (
        <>
          <A href={base()} class="btn btn-quiet care-back">
            ← {t('care.back')}
          </A>
          <div class="page-title-row">
            <h1>{names().get(p().memberId) ?? ''}</h1>
            <A href={`${base()}/print?pairing=${p().id}`} class="btn btn-secondary">
              {t('care.print.link')}
            </A>
          </div>
          <p>
            {t('care.volunteerOf', { name: names().get(p().volunteerId) ?? '' })} ·{' '}
            {t('care.since', { date: i18n.date(p().start) })}
            <Show when={p().end}>{(end) => <> · {t('care.ended', { date: i18n.date(end()) })}</>}</Show>
            <Show when={p().intervalDays}>
              {(days) => <> · {t('care.intervalShown', { days: days() })}</>}
            </Show>
          </p>
          <PairingConflicts pairing={p()} />
          <Show when={editable() && p().end === null}>
            <VisitForm pairing={p()} health={health.session()} />
          </Show>
          <h2>{t('care.log')}</h2>
          <Show when={visits().length > 0} fallback={<p class="card muted">{t('care.noVisits')}</p>}>
            <ul class="care-visits">
              <For each={visits()}>
                {(visit) => (
                  <li class="card care-visit" data-testid="care-visit">
                    <div>
                      <strong>{i18n.date(visit.date)}</strong>
                      <span>{visit.activities.map((a) => t(`care.activity.${a}`)).join(', ')}</span>
                      <span class="muted">{t('care.by', { name: names().get(visit.visitorId) ?? '' })}</span>
                      <Show when={visit.note}>
                        <span class="care-visit-note">{visit.note}</span>
                      </Show>
                      <Show when={healthNotes().get(visit.id)}>
                        {(note) => (
                          <span class="care-visit-note care-health-note" data-testid="care-health-note">
                            {t('care.healthNoteShown', { note: note() })}
                          </span>
                        )}
                      </Show>
                      {/* The care doc is committee only, so its photos are too (scope 'health'). */}
                      <PhotoStrip
                        clubId={club.clubId}
                        attachments={visit.attachments ?? []}
                        canEdit={editable()}
                        scope="health"
                        headingLevel={3}
                        onAttach={(input) =>
                          feedback(i18n, care.commands.attachToVisit(visit.id, input)) === null
                        }
                        onCaption={(hash, caption) =>
                          feedback(
                            i18n,
                            care.commands.setVisitAttachmentCaption(visit.id, hash, caption),
                            t('photos.captionSaved'),
                          ) === null
                        }
                        onRemove={(hash) =>
                          feedback(
                            i18n,
                            care.commands.detachFromVisit(visit.id, hash),
                            t('care.photoRemoved'),
                          ) === null
                        }
                      />
                    </div>
                    <Show when={editable()}>
                      <Button
                        variant="quiet"
                        aria-label={t('care.withdrawOf', { date: i18n.date(visit.date) })}
                        onClick={() =>
                          feedback(
                            i18n,
                            care.commands.withdrawVisit(visit.id, club.today()),
                            t('care.withdrawn'),
                          )
                        }
                      >
                        {t('care.withdraw')}
                      </Button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={editable()}>
            <PairingEditForm pairing={p()} />
            <div class="care-end">
              <Show
                when={p().end === null}
                fallback={
                  <Button onClick={() => feedback(i18n, care.commands.endPairing(p().id, null))}>
                    {t('care.reopen')}
                  </Button>
                }
              >
                <Button
                  variant="danger"
                  onClick={() => {
                    if (window.confirm(t('care.endConfirm')))
                      feedback(i18n, care.commands.endPairing(p().id, club.today()), t('care.endDone'));
                  }}
                >
                  {t('care.endPairing')}
                </Button>
              </Show>
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}
