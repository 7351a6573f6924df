import {
  DUES_PERIODS,
  type DuesPeriod,
  type Fund,
  type FundId,
  INTEREST_METHODS,
  type InterestMethod,
  type MoneyRules,
  REPAYMENT_PLANS,
  type RepaymentPlan,
  ROUNDINGS,
} from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { amountText, readAmount } from './amount-input';
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
  { field: 'duesFrom', label: 'rules.duesFrom' },
  { field: 'lateGraceDays', label: 'rules.lateGraceDays' },
  { field: 'latePenalty', label: 'rules.latePenalty' },
  { field: 'borrowedShareTarget', label: 'rules.borrowedShareTarget' },
  { field: 'duesPaidShareTarget', label: 'rules.duesPaidShareTarget' },
];

type ChoiceKey = 'interestMethod' | 'repaymentPlan' | 'rounding' | 'duesPeriod' | 'duesFundId';
type Choices = Partial<Pick<MoneyRules, ChoiceKey>>;

/**
 * The fund rules (quy chế quỹ): the committee changes them here through the model's commands, which
 * check the whole set. A refused value stays in its box with the reason beside it, so nothing typed is lost.
 * The form follows the book live: a box nobody touched here shows the rule as it is now, so another
 * tablet's change appears without reopening; a box being edited keeps what is typed and says when another
 * tablet changed the same rule meanwhile. Saving sends only the rules that differ from the book, so a rule
 * left alone here never writes an old value over another tablet's newer one.
 */
export default function RulesPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const rules = () => book.view.rules;
  const live = createMemo(() => rulesDraftOf(rules()));
  // Only what was typed or picked here; everything else reads the book.
  const [typed, setTyped] = createSignal<Partial<RulesDraft>>({});
  const [startedFrom, setStartedFrom] = createSignal<Partial<RulesDraft>>({});
  const [picked, setPicked] = createSignal<Choices>({});
  const [errors, setErrors] = createSignal<Partial<Record<RulesField, string>>>({});
  const draft = (): RulesDraft => ({ ...live(), ...typed() });
  const choice = <K extends ChoiceKey>(key: K): MoneyRules[K] =>
    (picked()[key] ?? rules()[key]) as MoneyRules[K];
  const pick = <K extends ChoiceKey>(key: K, value: MoneyRules[K]) =>
    setPicked((c) => ({ ...c, [key]: value }));
  const set = (field: RulesField, value: string) => {
    if (!(field in typed())) setStartedFrom((s) => ({ ...s, [field]: live()[field] }));
    setTyped((d) => ({ ...d, [field]: value }));
  };
  /** The rule's value now, when another tablet changed it since this box was first typed in. */
  const changedElsewhere = (field: RulesField): string | undefined => {
    const from = startedFrom()[field];
    return from !== undefined && from !== live()[field] ? live()[field] : undefined;
  };
  const save = (event: Event) => {
    event.preventDefault();
    const reading = readRulesDraft(draft());
    const shown: Partial<Record<RulesField, string>> = {};
    for (const [field, message] of Object.entries(reading.errors))
      if (message !== undefined) shown[field as RulesField] = i18n.m(message.key, message.args);
    if (Object.keys(shown).length > 0) return void setErrors(shown);
    const wanted: Partial<MoneyRules> = { ...reading.patch, ...picked() };
    const patch = Object.fromEntries(
      Object.entries(wanted).filter(([key, value]) => rules()[key as keyof MoneyRules] !== value),
    ) as Partial<MoneyRules>;
    const fields = moneyFeedback(i18n, book.commands.updateRules(patch), i18n.m('rules.saved'));
    for (const [rule, field] of Object.entries(RULE_FIELD)) {
      const text = fields === null ? undefined : fieldText(i18n, fields, rule);
      if (text !== undefined && field !== undefined) shown[field] = text;
    }
    setErrors(shown);
    if (fields === null) {
      setTyped({});
      setStartedFrom({});
      setPicked({});
    }
  };
  const funds = () => book.view.funds.filter((f) => !f.retired);
  return (
    // Only the committee changes the rules: a tablet that may not edit reaches no form by a typed address.
    <Show when={book.canEdit()} fallback={<p class="card muted">{i18n.m('readOnly')}</p>}>
      <h1>{i18n.m('rules.title')}</h1>
      <p class="muted">{i18n.m('rules.live')}</p>
      <form class="card money-form" onSubmit={save} data-testid="money-rules">
        <SelectField
          label={i18n.m('loan.method')}
          options={INTEREST_METHODS.map((m) => ({ value: m, label: i18n.m(`method.${m}`) }))}
          value={choice('interestMethod')}
          onChange={(v: InterestMethod) => pick('interestMethod', v)}
        />
        <SelectField
          label={i18n.m('rules.plan')}
          options={REPAYMENT_PLANS.map((p) => ({ value: p, label: i18n.m(`plan.${p}`) }))}
          value={choice('repaymentPlan')}
          onChange={(v: RepaymentPlan) => pick('repaymentPlan', v)}
        />
        <SelectField
          label={i18n.m('rules.rounding')}
          options={ROUNDINGS.map((r) => ({ value: String(r), label: i18n.m(`rules.round${r}`) }))}
          value={String(choice('rounding'))}
          onChange={(v: string) => pick('rounding', v === '1000' ? 1000 : 1)}
        />
        <SelectField
          label={i18n.m('rules.duesPeriod')}
          options={DUES_PERIODS.map((p) => ({ value: p, label: i18n.m(`rules.period.${p}`) }))}
          value={choice('duesPeriod')}
          onChange={(v: DuesPeriod) => pick('duesPeriod', v)}
        />
        <SelectField
          label={i18n.m('rules.duesFund')}
          options={funds().map((f) => ({ value: f.id as string, label: fundName(i18n, f) }))}
          value={choice('duesFundId')}
          onChange={(v: string) => pick('duesFundId', v as FundId)}
        />
        <For each={TEXT_FIELDS}>
          {(f) => (
            <TextField
              label={i18n.m(f.label)}
              value={draft()[f.field]}
              onChange={(v: string) => set(f.field, v)}
              inputMode={f.field === 'duesFrom' ? 'text' : 'decimal'}
              error={errors()[f.field]}
              description={
                changedElsewhere(f.field) === undefined
                  ? ''
                  : i18n.m('rules.changedElsewhere', { value: changedElsewhere(f.field) ?? '' })
              }
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
          {(fund) => <FundRow fund={fund} current={fundName(i18n, fund)} />}
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

/** One fund: its name and target, following the book until edited here (like the rules above). */
function FundRow(props: { fund: Fund; current: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const [name, setName] = createSignal<string>();
  const [target, setTarget] = createSignal<string>();
  const [error, setError] = createSignal<{ name?: string; target?: string }>({});
  const shownTarget = () => target() ?? amountText(props.fund.target);
  const changed = () => name() !== undefined || target() !== undefined;
  const save = () => {
    const amount = readAmount(shownTarget(), { zero: true });
    if (!amount.ok) return void setError({ target: i18n.m(amount.message, amount.args) });
    const patch: { name?: string; target?: number } = {};
    if (name() !== undefined && name() !== props.current) patch.name = name() ?? '';
    if (amount.value !== props.fund.target) patch.target = amount.value;
    const fields = moneyFeedback(
      i18n,
      book.commands.updateFund(props.fund.id, patch),
      i18n.m('rules.fundSaved'),
    );
    if (fields !== null)
      return void setError({
        ...(fieldText(i18n, fields, 'name') ? { name: fieldText(i18n, fields, 'name') ?? '' } : {}),
        ...(fieldText(i18n, fields, 'target') ? { target: fieldText(i18n, fields, 'target') ?? '' } : {}),
      });
    setError({});
    setName(undefined);
    setTarget(undefined);
  };
  return (
    <li class="money-fund-row" data-testid={`rules-fund-${props.fund.id}`}>
      <TextField
        label={i18n.m('rules.fundName')}
        value={name() ?? props.current}
        onChange={setName}
        error={error().name}
      />
      <TextField
        label={i18n.m('rules.fundTarget')}
        value={shownTarget()}
        onChange={setTarget}
        inputMode="numeric"
        error={error().target}
      />
      <Show when={changed()}>
        <Button onClick={save} disabled={!book.canEdit()}>
          {i18n.m('rules.saveFund')}
        </Button>
      </Show>
    </li>
  );
}
