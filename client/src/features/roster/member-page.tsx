import {
  type ClubId,
  getMember,
  getMemberAttendance,
  type Member,
  type MemberId,
  moneyDocName,
} from '@chungtay/model';
import { A, useParams } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { eraseMember } from '../../data/club/erase-member';
import { formatPhone } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CollabTextField } from '../../ui/collab-text/collab-text-field';
import { Dialog } from '../../ui/dialog/dialog';
import { feedback } from '../shared/command-feedback';
import { changedFields } from './changed-fields';
import { clubTextSource } from './club-text-source';
import { LeaveForm } from './leave-form';
import { MemberConflicts } from './member-conflicts';
import { MemberForm } from './member-form';
import { MemberHistory } from './member-history';

export default function MemberPage(): JSX.Element {
  const { t } = useI18n();
  const params = useParams<{ clubId: string; memberId: string }>();
  const session = useClub();
  const member = () => getMember(session.club, params.memberId as MemberId);
  return (
    <Show when={member()} fallback={<p class="empty">{t('member.notFound')}</p>}>
      {(m) => <MemberDetail member={m()} />}
    </Show>
  );
}

function MemberDetail(props: { member: Member }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const [editing, setEditing] = createSignal(false);
  // The member as the edit form opened with: only what the form changed is saved (changed-fields.ts).
  let openedAs: Member | undefined;
  const [leaving, setLeaving] = createSignal(false);
  const [erasing, setErasing] = createSignal(false);
  const m = () => props.member;
  const groups = () => session.club.groups.filter((g) => g.memberIds.includes(m().id));
  const attendance = () => getMemberAttendance(session.club, m().id);
  const row = (label: string, value: string | JSX.Element) => (
    <div class="detail-row">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  return (
    <section class="member-detail">
      <A href={`/club/${session.clubId}`} class="btn btn-quiet">
        ← {t('nav.roster')}
      </A>
      <div class="page-title-row">
        <h1>{m().fullName}</h1>
        <Button
          variant="primary"
          onClick={() => {
            openedAs = m();
            setEditing(true);
          }}
          disabled={!session.canEdit()}
        >
          {t('app.edit')}
        </Button>
        {/* The money book is the committee's: a viewer tablet is not even shown the way to it. */}
        <Show when={session.canOpen(moneyDocName(session.clubId as ClubId))}>
          <A
            href={`/club/${session.clubId}/money/members/${encodeURIComponent(m().id)}`}
            class="btn btn-secondary"
            data-testid="member-money-link"
          >
            {t('member.moneyLink')}
          </A>
        </Show>
      </div>
      <MemberConflicts member={m()} />
      <Show when={m().left}>
        {(left) => (
          <div class="banner banner-info">
            <span>{t('member.leftInfo', { date: i18n.date(left().on), reason: left().reason })}</span>
            <Button variant="secondary" onClick={() => feedback(i18n, session.commands.rejoinMember(m().id))}>
              {t('member.rejoin')}
            </Button>
          </div>
        )}
      </Show>
      <dl class="card detail-list">
        {row(t('member.gender'), t(`gender.${m().gender}`))}
        {row(t('member.birthYear'), m().birthYear ? String(m().birthYear) : '')}
        {row(t('member.phone'), formatPhone(m().phone))}
        {row(t('member.hamlet'), m().hamlet)}
        {row(t('member.household'), t(`household.${m().household}`))}
        {row(t('member.ethnicMinority'), m().ethnicMinority ? t('app.yes') : t('app.no'))}
        {row(t('member.joinedOn'), i18n.date(m().joinedOn))}
        {row(t('member.role'), t(`role.${m().role}`))}
        {row(
          t('member.groups'),
          groups()
            .map((g) => g.name)
            .join(', '),
        )}
        {row(
          t('member.attendance'),
          t('member.attendanceValue', {
            present: attendance().present,
            marked: attendance().marked,
            rate: i18n.percent(attendance().rate * 100),
          }),
        )}
      </dl>
      {/* Notes are written together (a committee member on each tablet): every keystroke merges. */}
      <div class="card">
        <CollabTextField
          label={t('member.notes')}
          source={clubTextSource(i18n, session, { kind: 'memberNotes', memberId: m().id })}
          multiline
          readOnly={!session.canEdit()}
          testId="member-notes"
        />
      </div>
      <MemberHistory member={m()} />
      <div class="card consent">
        <h2>{t('member.consent')}</h2>
        <Show
          when={m().consent}
          fallback={
            <>
              <p class="warning-text">{t('member.consentMissing')}</p>
              <Button
                variant="secondary"
                onClick={() =>
                  feedback(
                    i18n,
                    session.commands.recordConsent(m().id, {
                      givenOn: session.today(),
                      recordedBy: session.author.name,
                    }),
                  )
                }
              >
                {t('member.recordConsent')}
              </Button>
            </>
          }
        >
          {(consent) => (
            <>
              <p>
                {t('member.consentGiven', { date: i18n.date(consent().givenOn), by: consent().recordedBy })}
              </p>
              <Button
                variant="quiet"
                onClick={() => feedback(i18n, session.commands.withdrawConsent(m().id))}
              >
                {t('member.withdrawConsent')}
              </Button>
            </>
          )}
        </Show>
      </div>
      <div class="actions-row">
        <Show when={!m().left}>
          <Button variant="secondary" onClick={() => setLeaving(true)}>
            {t('member.markLeft')}
          </Button>
        </Show>
        <Button variant="danger" onClick={() => setErasing(true)}>
          {t('member.erase')}
        </Button>
      </div>
      <Dialog open={editing()} onOpenChange={setEditing} title={t('member.editTitle')}>
        <MemberForm
          member={m()}
          today={session.today()}
          onCancel={() => setEditing(false)}
          onSubmit={({ input }) => {
            const result = session.commands.updateMember(m().id, changedFields(input, openedAs ?? m()));
            if (result.ok) setEditing(false);
            return feedback(i18n, result, t('member.updated'));
          }}
        />
      </Dialog>
      <Dialog open={leaving()} onOpenChange={setLeaving} title={t('member.markLeft')}>
        <LeaveForm
          today={session.today()}
          onCancel={() => setLeaving(false)}
          onSubmit={(left) => {
            const result = session.commands.markMemberLeft(m().id, left);
            if (result.ok) setLeaving(false);
            return feedback(i18n, result);
          }}
        />
      </Dialog>
      <Dialog open={erasing()} onOpenChange={setErasing} title={t('member.erase')}>
        <p>{t('member.eraseConfirm')}</p>
        <div class="form-actions">
          <Button variant="quiet" onClick={() => setErasing(false)}>
            {t('app.cancel')}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              feedback(i18n, eraseMember(session, m().id), t('member.erased'));
              setErasing(false);
            }}
          >
            {t('member.erase')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
