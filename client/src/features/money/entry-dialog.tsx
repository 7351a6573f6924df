import {
  type FundId,
  type IsoDate,
  isActiveMember,
  type MemberId,
  type PlainEntryKind,
} from '@chungtay/model';
import { createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { MemberPicker } from '../../ui/member-picker/member-picker';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { AmountField } from './amount-field';
import { readAmount } from './amount-input';
import { fundName } from './fund-name';
import { useMoney } from './money-context';
import { fieldText, moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

/** What a treasurer records by hand; repayments go through a loan, payouts through a new loan. */
const KINDS: readonly PlainEntryKind[] = [
  'contribution',
  'dues',
  'donation',
  'founding',
  'expense',
  'transfer',
];

/** One receipt, payment or transfer of a fund, typed as the treasurer writes it. */
export function EntryDialog(props: { open: boolean; fundId: FundId; onClose: () => void }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const [kind, setKind] = createSignal<PlainEntryKind>('contribution');
  const [amount, setAmount] = createSignal('');
  const [date, setDate] = createSignal(formatDate(club.today()));
  const [memberId, setMemberId] = createSignal<MemberId | null>(null);
  const [toFund, setToFund] = createSignal<string>('');
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const members = () =>
    club.club.members.filter(isActiveMember).map((m) => ({ id: m.id as string, label: m.fullName }));
  const nameOf = (id: MemberId) => club.club.members.find((m) => m.id === id)?.fullName ?? '';
  const otherFunds = () => book.view.funds.filter((f) => f.id !== props.fundId && !f.retired);
  const close = () => {
    setAmount('');
    setNote('');
    setMemberId(null);
    setErrors({});
    props.onClose();
  };
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const reading = readAmount(amount());
    if (!reading.ok) found.amount = i18n.m(reading.message, reading.args);
    const iso = parseDisplayDate(date());
    if (iso === null) found.date = i18n.m('field.date');
    if (kind() === 'transfer' && toFund() === '') found.toFundId = i18n.m('field.required');
    if (!reading.ok || iso === null || Object.keys(found).length > 0) return setErrors(found);
    const result = book.commands.recordEntry({
      fundId: props.fundId,
      kind: kind(),
      amount: reading.value,
      date: iso as IsoDate,
      memberId: memberId(),
      toFundId: kind() === 'transfer' ? (toFund() as FundId) : null,
      note: note(),
    });
    const fields = moneyFeedback(i18n, result, i18n.m('entry.saved'));
    if (fields === null) return close();
    const messages: Record<string, string> = {};
    for (const field of Object.keys(fields)) messages[field] = fieldText(i18n, fields, field) ?? '';
    setErrors(messages);
  };
  return (
    <Dialog open={props.open} onOpenChange={(open) => !open && close()} title={i18n.m('entry.title')}>
      <form class="form" onSubmit={save} novalidate>
        <SelectField
          label={i18n.m('entry.kind')}
          options={KINDS.map((k) => ({ value: k, label: i18n.m(`kind.${k}`) }))}
          value={kind()}
          onChange={setKind}
        />
        <AmountField
          label={i18n.m('entry.amount')}
          value={amount()}
          onChange={setAmount}
          error={errors().amount}
        />
        <TextField label={i18n.m('entry.date')} value={date()} onChange={setDate} error={errors().date} />
        <Show when={kind() === 'transfer'}>
          <SelectField
            label={i18n.m('entry.toFund')}
            options={otherFunds().map((f) => ({ value: f.id as string, label: fundName(i18n, f) }))}
            value={toFund()}
            onChange={setToFund}
          />
          <Show when={errors().toFundId}>
            <p class="field-error">{errors().toFundId}</p>
          </Show>
        </Show>
        <Show when={kind() !== 'transfer' && kind() !== 'expense'}>
          <Show
            when={memberId()}
            fallback={
              <MemberPicker
                label={i18n.m('entry.member')}
                placeholder={i18n.m('newLoan.memberPlaceholder')}
                options={members()}
                onPick={(id) => setMemberId(id as MemberId)}
              />
            }
          >
            {(id) => (
              <p class="chosen-member">
                {i18n.m('newLoan.chosen', { name: nameOf(id()) })}{' '}
                <Button variant="quiet" onClick={() => setMemberId(null)}>
                  {i18n.m('entry.noMember')}
                </Button>
              </p>
            )}
          </Show>
        </Show>
        <TextField label={i18n.m('entry.note')} value={note()} onChange={setNote} error={errors().note} />
        <div class="form-actions">
          <Button variant="quiet" onClick={close}>
            {i18n.t('app.cancel')}
          </Button>
          <Button variant="primary" type="submit" disabled={!book.canEdit()}>
            {i18n.t('app.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
