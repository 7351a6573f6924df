import {
  type FundId,
  type IsoDate,
  isActiveMember,
  type MeetingId,
  type MemberId,
  scheduleLoan,
} from '@chungtay/model';
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate } from '../../i18n/format';
import { Button } from '../../ui/button/button';
import { MemberPicker } from '../../ui/member-picker/member-picker';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { AmountField } from './amount-field';
import { rateText } from './amount-input';
import { fundName } from './fund-name';
import { type LoanDraft, readLoanDraft } from './loan-draft';
import { useMoney } from './money-context';
import { moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';
import { ScheduleTable } from './schedule-table';

const NO_MEETING = '';

/**
 * A new loan: checked against the fund rules and the fund's cash as it is typed, with the schedule
 * shown before it is saved. Saving pays it out (the loan's terms and the payout entry, one transaction).
 */
export default function NewLoanPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ member?: string; meeting?: string }>();
  const rules = () => book.view.rules;
  const lendingFunds = () => book.view.funds.filter((f) => !f.retired && f.kind !== 'activity');
  const [draft, setDraft] = createSignal<LoanDraft>({
    memberId: (search.member as MemberId | undefined) ?? null,
    fundId: (lendingFunds()[0]?.id ?? 'income') as FundId,
    amount: '',
    rate: rateText(book.view.rules.defaultMonthlyRateBp),
    term: String(book.view.rules.defaultTermMonths),
    startOn: formatDate(club.today()),
    purpose: '',
    meetingId: (search.meeting as MeetingId | undefined) ?? null,
  });
  const [tried, setTried] = createSignal(false);
  const edit =
    <K extends keyof LoanDraft>(key: K) =>
    (value: LoanDraft[K]) =>
      setDraft({ ...draft(), [key]: value });
  const reading = createMemo(() => readLoanDraft(draft(), book.view, club.today() as IsoDate));
  const problem = (field: string) => {
    const found = reading().problems[field];
    return tried() && found !== undefined ? i18n.m(found.key, found.args) : undefined;
  };
  const schedule = createMemo(() => {
    const input = reading().input;
    if (input === null || reading().problems.amount || reading().problems.rate || reading().problems.term)
      return null;
    return scheduleLoan({
      amount: input.amount,
      monthlyRateBp: input.monthlyRateBp ?? rules().defaultMonthlyRateBp,
      method: rules().interestMethod,
      plan: rules().repaymentPlan,
      rounding: rules().rounding,
      termMonths: input.termMonths ?? rules().defaultTermMonths,
      startOn: input.startOn,
    });
  });
  const members = () =>
    club.club.members.filter(isActiveMember).map((m) => ({ id: m.id as string, label: m.fullName }));
  const nameOf = (id: string) => club.club.members.find((m) => m.id === id)?.fullName ?? '';
  const meetings = () => [
    { value: NO_MEETING, label: i18n.m('newLoan.noMeeting') },
    ...[...club.club.meetings]
      .filter((m) => m.date <= club.today())
      .reverse()
      .slice(0, 12)
      .map((m) => ({ value: m.id as string, label: i18n.date(m.date) })),
  ];
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    setTried(true);
    const { input, problems } = reading();
    if (input === null || Object.keys(problems).length > 0) return;
    const result = book.commands.payOutLoan(input);
    if (moneyFeedback(i18n, result, i18n.m('newLoan.saved')) === null && result.ok)
      navigate(`/club/${club.clubId}/money/loans/${result.value.loanId}`);
  };
  return (
    <>
      <A href={`/club/${club.clubId}/money/loans`} class="btn btn-quiet">
        ← {i18n.m('loan.back')}
      </A>
      <h1>{i18n.m('newLoan.title')}</h1>
      <form class="form card" onSubmit={save} novalidate data-testid="new-loan">
        <Show
          when={draft().memberId}
          fallback={
            <MemberPicker
              label={i18n.m('newLoan.member')}
              placeholder={i18n.m('newLoan.memberPlaceholder')}
              options={members()}
              onPick={(id) => edit('memberId')(id as MemberId)}
            />
          }
        >
          {(id) => (
            <p class="chosen-member lead">
              {i18n.m('newLoan.chosen', { name: nameOf(id()) })}{' '}
              <Button variant="quiet" onClick={() => edit('memberId')(null)}>
                {i18n.t('app.edit')}
              </Button>
            </p>
          )}
        </Show>
        <Show when={problem('member')}>
          <p class="field-error" role="alert">
            {problem('member')}
          </p>
        </Show>
        <div class="form-grid">
          <Show when={lendingFunds().length > 1}>
            <SelectField
              label={i18n.m('newLoan.fund')}
              options={lendingFunds().map((f) => ({ value: f.id as string, label: fundName(i18n, f) }))}
              value={draft().fundId}
              onChange={(value) => edit('fundId')(value as FundId)}
            />
          </Show>
          <AmountField
            label={i18n.m('newLoan.amount')}
            value={draft().amount}
            onChange={edit('amount')}
            error={problem('amount')}
            hint={i18n.m('newLoan.amountHint', { max: i18n.dong(rules().maxLoanAmount) })}
          />
          <TextField
            label={i18n.m('newLoan.rate')}
            value={draft().rate}
            onChange={edit('rate')}
            inputMode="decimal"
            error={problem('rate')}
            description={i18n.m('newLoan.rateHint', {
              rate: rateText(rules().defaultMonthlyRateBp),
              max: rateText(rules().maxMonthlyRateBp),
            })}
          />
          <TextField
            label={i18n.m('newLoan.term')}
            value={draft().term}
            onChange={edit('term')}
            inputMode="numeric"
            error={problem('term')}
            description={i18n.m('newLoan.termHint', { max: rules().maxTermMonths })}
          />
          <TextField
            label={i18n.m('newLoan.startOn')}
            value={draft().startOn}
            onChange={edit('startOn')}
            error={problem('startOn')}
          />
          <SelectField
            label={i18n.m('newLoan.meeting')}
            options={meetings()}
            value={draft().meetingId ?? NO_MEETING}
            onChange={(value) => edit('meetingId')(value === NO_MEETING ? null : (value as MeetingId))}
          />
        </div>
        <TextField
          label={i18n.m('newLoan.purpose')}
          placeholder={i18n.m('newLoan.purposePlaceholder')}
          value={draft().purpose}
          onChange={edit('purpose')}
          error={problem('purpose')}
        />
        <p class="muted">
          {i18n.m(`method.${rules().interestMethod}`)}; {i18n.m(`plan.${rules().repaymentPlan}`)}
        </p>
        <Show when={schedule()}>
          {(rows) => (
            <>
              <ScheduleTable schedule={rows()} caption={i18n.m('newLoan.previewTitle')} />
              <p>
                {i18n.m('newLoan.totalInterest', {
                  amount: i18n.dong(rows().reduce((total, r) => total + r.interest, 0)),
                })}
              </p>
            </>
          )}
        </Show>
        <Show when={reading().warnings[0]}>
          {(warning) => (
            <p class="banner banner-warning" role="status" data-testid="over-balance">
              {i18n.m('newLoan.overBalance', { balance: i18n.dong(warning().balance) })}
            </p>
          )}
        </Show>
        <Show when={tried() && Object.keys(reading().problems).length > 0}>
          <p class="form-error" role="alert">
            {i18n.m('newLoan.fixFirst')}
          </p>
        </Show>
        <div class="form-actions">
          <Button variant="primary" type="submit" disabled={!book.canEdit()}>
            {i18n.m('newLoan.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
