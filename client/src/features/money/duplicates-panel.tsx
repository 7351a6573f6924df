import { type Entry, listDuplicateEntries } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { CorrectionDialog } from './correction-dialog';
import { useMoney } from './money-context';
import { moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

/**
 * The same payment recorded twice (two tablets at one meeting, offline): the book keeps both and says
 * so here, until the treasurer reverses one (a correction) or confirms both were really paid.
 */
export function DuplicatesPanel(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const [correcting, setCorrecting] = createSignal<Entry | null>(null);
  const duplicates = createMemo(() => listDuplicateEntries(book.view));
  const name = (id: string | null) => club.club.members.find((m) => m.id === id)?.fullName ?? '';
  return (
    <Show when={duplicates().length > 0}>
      <section
        class="banner banner-warning duplicates"
        data-testid="duplicates"
        aria-labelledby="duplicates-title"
      >
        <div>
          <h2 id="duplicates-title">{i18n.m('duplicates.title')}</h2>
          <p>{i18n.m('duplicates.explain')}</p>
          <ul class="plain-list">
            <For each={duplicates()}>
              {(d) => {
                const first = () => d.entries[0] as Entry;
                return (
                  <li class="duplicate-row">
                    <span>
                      {i18n.m('duplicates.line', {
                        count: d.entries.length,
                        kind: i18n.m(`kind.${first().kind}`),
                        amount: i18n.dong(first().amount),
                        name: name(first().memberId),
                        date: i18n.date(first().date),
                      })}
                    </span>
                    <span class="payer-actions">
                      <Button
                        variant="primary"
                        onClick={() => setCorrecting(d.entries.at(-1) ?? null)}
                        disabled={!book.canEdit()}
                      >
                        {i18n.m('duplicates.reverse')}
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() =>
                          moneyFeedback(
                            i18n,
                            book.commands.confirmDuplicate(d.key),
                            i18n.m('duplicates.confirmed'),
                          )
                        }
                        disabled={!book.canEdit()}
                      >
                        {i18n.m('duplicates.bothReal')}
                      </Button>
                    </span>
                  </li>
                );
              }}
            </For>
          </ul>
        </div>
      </section>
      <CorrectionDialog entry={correcting()} onClose={() => setCorrecting(null)} />
    </Show>
  );
}
