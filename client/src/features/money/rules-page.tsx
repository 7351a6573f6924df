import {
  DUES_PERIODS,
  type DuesPeriod,
  type FundId,
  INTEREST_METHODS,
  type InterestMethod,
  type MoneyRules,
  REPAYMENT_PLANS,
  type RepaymentPlan,
  ROUNDINGS,
} from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { readAmount } from './amount-input';
import { fundName } from './fund-name';
import { useMoney } from './money-context';
import { fieldText, moneyFeedback } from './money-feedback';
import { type MoneyKey, useMoneyI18n } from './money-i18n';
import { RULE_FIELD, type RulesDraft, type RulesField, readRulesDraft, rulesDraftOf } from './rules-form';

const TEXT_FIELDS: readonly { field: RulesField; label: MoneyKey }[] = [
  { field: 'defaultRate', label: 'rules.defaultRate' },
  { field: 'maxRate', label: 'rules.maxRate' },
  { field: 'maxLoan', label: 'rules.maxLoan' },
  { field: 'defaultTerm', label: 'rules.defaultTerm' },
  { field: 'maxTerm', label: 'rules.maxTerm' },
  { field: 'duesAmount', label: 'rules.duesAmount' },
  { field: 'lateGraceDays', label: 'rules.lateGraceDays' },
  { field: 'latePenalty', label: 'rules.latePenalty' },
  { field: 'borrowedShareTarget', label: 'rules.borrowedShareTarget' },
  { field: 'duesPaidShareTarget', label: 'rules.duesPaidShareTarget' },
];

/**
 * The fund rules (quy chế quỹ): the committee changes them here through the model's commands, which
 * check the whole set. A refused value stays in its box with the reason beside it, so nothing typed is lost.
 */
export default function RulesPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const rules = () => book.view.rules;
  const [draft, setDraft] = createSignal<RulesDraft>(rulesDraftOf(rules()));
  const [choices, setChoices] = createSignal<
    Pick<MoneyRules, 'interestMethod' | 'repaymentPlan' | 'rounding' | 'duesPeriod'>
  >({
    interestMethod: rules().interestMethod,
    repaymentPlan: rules().repaymentPlan,
    rounding: rules().rounding,
    duesPeriod: rules().duesPeriod,
  });
  const [errors, setErrors] = createSignal<Partial<Record<RulesField, string>>>({});
  const set = (field: RulesField, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const save = (event: Event) => {
    event.preventDefault();
    const reading = readRulesDraft(draft());
    const shown: Partial<Record<RulesField, string>> = {};
    for (const [field, message] of Object.entries(reading.errors))
      if (message !== undefined) shown[field as RulesField] = i18n.m(message.key, message.args);
    if (Object.keys(shown).length > 0) return void setErrors(shown);
    const fields = moneyFeedback(
      i18n,
      book.commands.updateRules({ ...reading.patch, ...choices() }),
      i18n.m('rules.saved'),
    );
    for (const [rule, field] of Object.entries(RULE_FIELD)) {
      const text = fields === null ? undefined : fieldText(i18n, fields, rule);
      if (text !== undefined && field !== undefined) shown[field] = text;
    }
    setErrors(shown);
  };
  return (
    // Only the committee changes the rules: a tablet that may not edit reaches no form by a typed address.
    <Show when={book.canEdit()} fallback={<p class="card muted">{i18n.m('readOnly')}</p>}>
      <h1>{i18n.m('rules.title')}</h1>
      <form class="card money-form" onSubmit={save} data-testid="money-rules">
        <SelectField
          label={i18n.m('loan.method')}
          options={INTEREST_METHODS.map((m) => ({ value: m, label: i18n.m(`method.${m}`) }))}
          value={choices().interestMethod}
          onChange={(v: InterestMethod) => setChoices((c) => ({ ...c, interestMethod: v }))}
        />
        <SelectField
          label={i18n.m('rules.plan')}
          options={REPAYMENT_PLANS.map((p) => ({ value: p, label: i18n.m(`plan.${p}`) }))}
          value={choices().repaymentPlan}
          onChange={(v: RepaymentPlan) => setChoices((c) => ({ ...c, repaymentPlan: v }))}
        />
        <SelectField
          label={i18n.m('rules.rounding')}
          options={ROUNDINGS.map((r) => ({ value: String(r), label: i18n.m(`rules.round${r}`) }))}
          value={String(choices().rounding)}
          onChange={(v: string) => setChoices((c) => ({ ...c, rounding: v === '1000' ? 1000 : 1 }))}
        />
        <SelectField
          label={i18n.m('rules.duesPeriod')}
          options={DUES_PERIODS.map((p) => ({ value: p, label: i18n.m(`rules.period.${p}`) }))}
          value={choices().duesPeriod}
          onChange={(v: DuesPeriod) => setChoices((c) => ({ ...c, duesPeriod: v }))}
        />
        <For each={TEXT_FIELDS}>
          {(f) => (
            <TextField
              label={i18n.m(f.label)}
              value={draft()[f.field]}
              onChange={(v: string) => set(f.field, v)}
              inputMode="decimal"
              error={errors()[f.field]}
            />
          )}
        </For>
        <Button variant="primary" type="submit" disabled={!book.canEdit()}>
          {i18n.m('rules.save')}
        </Button>
      </form>
      <FundsEditor />
    </Show>
  );
}

/** The funds the club keeps: rename any, add a custom one (standard funds are named by the catalogue). */
function FundsEditor(): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const [name, setName] = createSignal('');
  const [target, setTarget] = createSignal('');
  const [error, setError] = createSignal<string>();
  const add = (event: Event) => {
    event.preventDefault();
    const amount = readAmount(target(), { zero: true });
    if (!amount.ok) return void setError(i18n.m(amount.message, amount.args));
    const fields = moneyFeedback(
      i18n,
      book.commands.addFund({ name: name(), target: amount.value }),
      i18n.m('rules.fundAdded'),
    );
    const text =
      fields === null ? undefined : (fieldText(i18n, fields, 'name') ?? fieldText(i18n, fields, 'target'));
    setError(text);
    if (fields === null) {
      setName('');
      setTarget('');
    }
  };
  return (
    <section class="card" data-testid="money-rules-funds">
      <h2>{i18n.m('rules.funds')}</h2>
      <ul class="plain-list">
        <For each={book.view.funds.filter((f) => !f.retired)}>
          {(fund) => <FundRow fundId={fund.id} current={fundName(i18n, fund)} />}
        </For>
      </ul>
      <form onSubmit={add} class="money-form">
        <TextField label={i18n.m('rules.newFundName')} value={name()} onChange={setName} />
        <TextField
          label={i18n.m('rules.newFundTarget')}
          value={target()}
          onChange={setTarget}
          inputMode="numeric"
          error={error()}
        />
        <Button type="submit" disabled={!book.canEdit()}>
          {i18n.m('rules.addFund')}
        </Button>
      </form>
    </section>
  );
}

function FundRow(props: { fundId: FundId; current: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const [name, setName] = createSignal(props.current);
  const [error, setError] = createSignal<string>();
  const rename = () => {
    const fields = moneyFeedback(
      i18n,
      book.commands.updateFund(props.fundId, { name: name() }),
      i18n.m('rules.renamed'),
    );
    setError(fields === null ? undefined : fieldText(i18n, fields, 'name'));
  };
  return (
    <li class="money-fund-row">
      <TextField label={i18n.m('rules.fundName')} value={name()} onChange={setName} error={error()} />
      <Show when={name() !== props.current}>
        <Button onClick={rename} disabled={!book.canEdit()}>
          {i18n.m('rules.rename')}
        </Button>
      </Show>
    </li>
  );
}
