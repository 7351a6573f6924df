import type { Entry, IsoDate } from '@chungtay/model';
import { createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { TextField } from '../../ui/text-field/text-field';
import { type MoneyFieldErrors, useMoney } from './money-context';
import { fieldText, moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

/**
 * A correction (bút toán điều chỉnh): the entry stays in the book and a reversing entry, with its reason,
 * cancels it. Opened from a line of the cash book or of a loan's history.
 */
export function CorrectionDialog(props: { entry: Entry | null; onClose: () => void }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<MoneyFieldErrors>({});
  const close = () => {
    setNote('');
    setErrors({});
    props.onClose();
  };
  const save = (entry: Entry) => (event: SubmitEvent) => {
    event.preventDefault();
    const text = note().trim();
    if (text === '') return setErrors({ note: 'required' });
    // A later entry, dated today and at no meeting: an entry of a meeting whose minutes are signed is never
    // changed at that meeting, so the correction says which meeting it corrects.
    const meeting = club.club.meetings.find((m) => m.id === entry.meetingId);
    const result = book.commands.reverseEntry({
      entryId: entry.id,
      date: club.today() as IsoDate,
      note: meeting ? i18n.m('correct.ofMeeting', { date: i18n.date(meeting.date), note: text }) : text,
    });
    const fields = moneyFeedback(i18n, result, i18n.m('correct.saved'));
    if (fields === null || Object.keys(fields).length === 0) close();
    else setErrors(fields);
  };
  return (
    <Dialog
      open={props.entry !== null}
      onOpenChange={(open) => !open && close()}
      title={i18n.m('correct.title')}
    >
      <Show when={props.entry}>
        {(entry) => (
          <form class="form" onSubmit={save(entry())} novalidate>
            <p class="lead">
              {i18n.m('correct.entry', {
                kind: i18n.m(`kind.${entry().kind}`),
                amount: i18n.dong(entry().amount),
                date: i18n.date(entry().date),
              })}
            </p>
            <p class="muted">{i18n.m('correct.explain')}</p>
            <TextField
              label={i18n.m('correct.note')}
              placeholder={i18n.m('correct.notePlaceholder')}
              value={note()}
              onChange={setNote}
              error={fieldText(i18n, errors(), 'note')}
              required
              autofocus
            />
            <div class="form-actions">
              <Button variant="quiet" onClick={close}>
                {i18n.t('app.cancel')}
              </Button>
              <Button variant="primary" type="submit" disabled={!book.canEdit()}>
                {i18n.m('correct.save')}
              </Button>
            </div>
          </form>
        )}
      </Show>
    </Dialog>
  );
}
