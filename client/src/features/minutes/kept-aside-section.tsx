import type { AgendaItem } from '@chungtay/model';
import { For, type JSX } from 'solid-js';
import type { KeptAside } from '../../data/minutes/minutes-generation';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { placeWords } from './redaction-words';

/**
 * Notes this tablet wrote offline in a generation of the minutes that has since been rewritten: shown, never
 * merged on their own (the model's generation/old-generation.ts says why), until the committee discards them.
 */
export function KeptAsideSection(props: {
  kept: KeptAside;
  agenda: readonly AgendaItem[];
  onDiscard: () => void;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <section
      class="minutes-section card banner-warning no-print"
      data-testid="kept-aside"
      aria-labelledby="kept-aside"
    >
      <h2 id="kept-aside">{t('redaction.keptTitle')}</h2>
      <p>{t('redaction.keptHint')}</p>
      <ul>
        <For each={props.kept.edits}>
          {(edit) => (
            <li>
              <strong>{placeWords(t, edit.place, props.agenda)}</strong>: {edit.text}
            </li>
          )}
        </For>
      </ul>
      <Button variant="secondary" onClick={props.onDiscard}>
        {t('redaction.keptDiscard')}
      </Button>
    </section>
  );
}
